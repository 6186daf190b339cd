using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.RuleAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class RuleAnalyzerTests
{
    private static string Views(string rule) => $$"""
        using Flagon;
        static class Views
        {
            [Route({{rule}})]
            public static string View() => "x";
        }
        """;

    [Fact]
    public Task Valid_rules_report_nothing() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/")]
            [Route("/page/<int:pk>")]
            [Route("/files/<path:name>", Methods = ["GET"])]
            [Route("/x/<any(a, b):kind>/<uuid:id>")]
            public static string View() => "x";
        }
        """);

    [Fact]
    public Task FLG0001_a_rule_without_leading_slash_underlines_its_first_character() =>
        Verify.VerifyAsync(Views("\"{|#0:p|}age\""),
            new DiagnosticResult("FLG0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("page"));

    [Fact]
    public Task FLG0002_an_unclosed_variable_underlines_from_its_bracket() =>
        Verify.VerifyAsync(Views("\"/a/{|#0:<int:pk|}\""),
            new DiagnosticResult("FLG0002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("/a/<int:pk", "'<' without a matching '>'"));

    [Fact]
    public Task FLG0003_an_unknown_converter_underlines_its_name() =>
        Verify.VerifyAsync(Views("\"/a/<{|#0:integer|}:pk>\""),
            new DiagnosticResult("FLG0003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("/a/<integer:pk>", "integer"));

    [Fact]
    public Task FLG0004_a_repeated_variable_underlines_the_second_one() =>
        Verify.VerifyAsync(Views("\"/a/<x>/{|#0:<x>|}\""),
            new DiagnosticResult("FLG0004", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("/a/<x>/<x>", "x"));

    [Fact]
    public Task A_rule_from_a_constant_underlines_the_whole_argument() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            const string Rule = "nope";
            [Route({|#0:Rule|})]
            public static string View() => "x";
        }
        """,
        new DiagnosticResult("FLG0001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("nope"));

    [Fact]
    public Task Other_attributes_named_Route_are_ignored() => Verify.VerifyAsync("""
        namespace Other { [System.AttributeUsage(System.AttributeTargets.Method)] class RouteAttribute(string r) : System.Attribute { } }
        static class Views
        {
            [Other.Route("no-slash")]
            public static string View() => "x";
        }
        """);
}
