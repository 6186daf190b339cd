using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.BlueprintAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class BlueprintAnalyzerTests
{
    [Fact]
    public Task A_top_level_partial_class_is_fine() => Verify.VerifyAsync("""
        using Flagon;
        [Blueprint("admin", UrlPrefix = "/admin")]
        partial class Admin { }
        """);

    [Fact]
    public Task FLG0106_a_blueprint_that_is_not_partial() => Verify.VerifyAsync("""
        using Flagon;
        [Blueprint("admin")]
        class {|#0:Admin|} { }
        """,
        new DiagnosticResult("FLG0106", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("Admin", "it must be partial (the generator adds its route table to it)"));

    [Fact]
    public Task FLG0106_a_static_or_nested_blueprint() => Verify.VerifyAsync("""
        using Flagon;
        [Blueprint("a")]
        static partial class {|#0:A|} { }
        partial class Outer
        {
            [Blueprint("b")]
            partial class {|#1:B|} { }
        }
        """,
        new DiagnosticResult("FLG0106", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A", "it must not be static (it implements IBlueprint)"),
        new DiagnosticResult("FLG0106", DiagnosticSeverity.Error).WithLocation(1).WithArguments("B", "it must be a top-level class, not nested"));
}
