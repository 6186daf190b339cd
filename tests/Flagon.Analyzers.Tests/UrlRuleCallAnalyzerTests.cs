using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.UrlRuleCallAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class UrlRuleCallAnalyzerTests
{
    private const string App = """
        namespace Flagon
        {
            public class App
            {
                public App AddUrlRule(string rule, System.Delegate view, string? endpoint = null, string[]? methods = null, string? defaults = null, bool strictSlashes = true) => this;
            }
        }
        static class Views
        {
            public static string Index() => "x";
            public static string Page(int pk) => "x";
        }
        """;

    [Fact]
    public Task Literal_calls_that_bind_report_nothing() => Verify.VerifyAsync(App + """
        class Setup
        {
            void Run(Flagon.App app)
            {
                app.AddUrlRule("/", Views.Index, endpoint: "index");
                app.AddUrlRule("/page/<int:pk>", Views.Page, methods: ["GET", "POST"]);
                app.AddUrlRule("/hello/<name>", (string name) => name, endpoint: "hello");
            }
        }
        """);

    [Fact]
    public Task FLG0009_a_computed_rule_is_bound_at_run_time() => Verify.VerifyAsync(App + """
        class Setup
        {
            void Run(Flagon.App app, string rule)
            {
                app.AddUrlRule({|#0:rule|}, Views.Index);
            }
        }
        """,
        new DiagnosticResult("FLG0009", DiagnosticSeverity.Info).WithLocation(0).WithArguments("the rule or an option is not a constant"));

    [Fact]
    public Task A_literal_call_gets_the_rule_diagnostics_of_a_Route() => Verify.VerifyAsync(App + """
        class Setup
        {
            void Run(Flagon.App app)
            {
                app.AddUrlRule("/page/{|#0:<int:id>|}", Views.Page);
            }
        }
        """,
        new DiagnosticResult("FLG0101", DiagnosticSeverity.Error).WithLocation(0).WithArguments("id", "Page"));
}
