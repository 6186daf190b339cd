using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.ConverterAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class ConverterAnalyzerTests
{
    private static DiagnosticResult Error(int location) => new DiagnosticResult("FLG0010", DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public Task A_valid_converter_reports_nothing() => Verify.VerifyAsync("""
        using Flagon;
        [RouteConverter("slug", Weight = 90)]
        public sealed class SlugConverter : Flagon.Routing.RouteConverter<string>
        {
            public override bool TryParse(System.ReadOnlySpan<char> text, out string value) { value = new string(text); return true; }
        }
        """);

    [Fact]
    public Task FLG0010_a_converter_rules_cannot_use() => Verify.VerifyAsync("""
        using Flagon;
        [{|#0:RouteConverter("plain")|}]
        public sealed class Plain { }

        [{|#1:RouteConverter("base")|}]
        public abstract class Base : Flagon.Routing.RouteConverter<string> { }

        [{|#2:RouteConverter("int")|}]
        public sealed class Ints : Flagon.Routing.RouteConverter<int>
        {
            public override bool TryParse(System.ReadOnlySpan<char> text, out int value) => int.TryParse(text, out value);
        }

        [RouteConverter("slug")]
        public sealed class A : Flagon.Routing.RouteConverter<string>
        {
            public override bool TryParse(System.ReadOnlySpan<char> text, out string value) { value = new string(text); return true; }
        }

        [{|#3:RouteConverter("slug")|}]
        public sealed class B : Flagon.Routing.RouteConverter<string>
        {
            public override bool TryParse(System.ReadOnlySpan<char> text, out string value) { value = new string(text); return true; }
        }
        """,
        Error(0).WithArguments("plain", "Plain", "it does not derive from Flagon.Routing.RouteConverter<T>"),
        Error(1).WithArguments("base", "Base", "it is abstract or generic"),
        Error(2).WithArguments("int", "Ints", "'int' is one of Werkzeug's converters"),
        Error(3).WithArguments("slug", "B", "the name is taken by A"));
}
