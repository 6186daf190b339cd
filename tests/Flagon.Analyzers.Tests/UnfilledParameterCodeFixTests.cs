using Basic.Reference.Assemblies;
using Flagon.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>The FLG0102 fixes: give the parameter nothing fills a default value, or remove it when it is unused.</summary>
public class UnfilledParameterCodeFixTests
{
    private static DiagnosticResult Unfilled(string parameter) =>
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(0).WithArguments(parameter, "View");

    // The code action to apply is chosen by index, in the order the fix offers them.
    private static CodeFixTest<RuleAnalyzer, UnfilledParameterCodeFix> Test(string source, string fixedSource, int action)
    {
        var test = new CodeFixTest<RuleAnalyzer, UnfilledParameterCodeFix>(source, fixedSource, ("Flagon.cs", AnalyzerTest<RuleAnalyzer>.FlagonStub)) { CodeActionIndex = action };
        test.CodeActionValidationMode = CodeActionValidationMode.SemanticStructure;
        return test;
    }

    [Fact]
    public async Task A_used_parameter_gets_a_default_value_and_the_view_compiles()
    {
        var test = Test("""
            using Flagon;
            static class Views
            {
                [Route("/page")]
                public static string View(int {|#0:page|}) => $"page {page}";
            }
            """, """
            using Flagon;
            static class Views
            {
                [Route("/page")]
                public static string View(int page = default) => $"page {page}";
            }
            """, 0);
        test.ExpectedDiagnostics.Add(Unfilled("page"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_unused_parameter_can_be_removed()
    {
        var test = Test("""
            using Flagon;
            static class Views
            {
                [Route("/page")]
                public static string View(string {|#0:sort|}) => "x";
            }
            """, """
            using Flagon;
            static class Views
            {
                [Route("/page")]
                public static string View() => "x";
            }
            """, 1);
        test.ExpectedDiagnostics.Add(Unfilled("sort"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_parameter_before_others_without_defaults_is_not_given_one_but_can_be_removed()
    {
        var test = Test("""
            using Flagon;
            static class Views
            {
                [Route("/page/<int:pk>")]
                public static string View(string {|#0:sort|}, int pk) => $"{pk}";
            }
            """, """
            using Flagon;
            static class Views
            {
                [Route("/page/<int:pk>")]
                public static string View(int pk) => $"{pk}";
            }
            """, 0);
        test.ExpectedDiagnostics.Add(Unfilled("sort"));
        await test.RunAsync();
    }
}
