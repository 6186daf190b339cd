using Basic.Reference.Assemblies;
using Flagon.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>The FLG0101 fixes: add the parameter the rule names, typed from its converter, or rename a misspelt one.</summary>
public class RuleParameterCodeFixTests
{
    private static DiagnosticResult Missing(string variable) =>
        new DiagnosticResult("FLG0101", DiagnosticSeverity.Error).WithLocation(0).WithArguments(variable, "View");

    // The code action to apply is chosen by index, in the order the fix offers them.
    private static CodeFixTest<RuleAnalyzer, RuleParameterCodeFix> Test(string source, string fixedSource, int action)
    {
        var test = new CodeFixTest<RuleAnalyzer, RuleParameterCodeFix>(source, fixedSource, ("Flagon.cs", AnalyzerTest<RuleAnalyzer>.FlagonStub)) { CodeActionIndex = action };
        return test;
    }

    [Theory]
    [InlineData("<int:pk>", "int pk")]
    [InlineData("<int(min=1):pk>", "int pk")]
    [InlineData("<float:pk>", "double pk")]
    [InlineData("<uuid:pk>", "System.Guid pk")]
    [InlineData("<path:pk>", "string pk")]
    [InlineData("<pk>", "string pk")]
    public async Task The_missing_parameter_is_added_with_the_converters_type(string variable, string parameter)
    {
        var test = Test($$"""
            using Flagon;
            static class Views
            {
                [Route("/page/{|#0:{{variable}}|}")]
                public static string View() => "x";
            }
            """, $$"""
            using Flagon;
            static class Views
            {
                [Route("/page/{{variable}}")]
                public static string View({{parameter}}) => "x";
            }
            """, 0);
        test.ExpectedDiagnostics.Add(Missing("pk"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_misspelt_parameter_of_the_right_type_is_renamed_with_its_uses()
    {
        var test = Test("""
            using Flagon;
            static class Views
            {
                [Route("/page/{|#0:<int:pk>|}")]
                public static string View(int pkk = 0) => $"page {pkk}";
            }
            """, """
            using Flagon;
            static class Views
            {
                [Route("/page/<int:pk>")]
                public static string View(int pk = 0) => $"page {pk}";
            }
            """, 1);
        test.ExpectedDiagnostics.Add(Missing("pk"));
        await test.RunAsync();
    }
}
