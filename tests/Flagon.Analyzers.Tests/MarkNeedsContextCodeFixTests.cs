using Basic.Reference.Assemblies;
using Flagon.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>The FLG0201/FLG0202 fix: mark the member that uses the context, and the code compiles and is clean.</summary>
public class MarkNeedsContextCodeFixTests
{
    private const string Runtime = """
        namespace Flagon.Http { public sealed class Request { public string Path => "/"; } }
        namespace Flagon
        {
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NeedsRequestContextAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NeedsAppContextAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class RouteAttribute(string rule) : System.Attribute { }
            public static class Globals
            {
                [NeedsRequestContext] public static Flagon.Http.Request Request => new();
                [NeedsAppContext] public static object CurrentApp => new();
            }
        }
        """;

    private static CodeFixTest<ContextAnalyzer, MarkNeedsContextCodeFix> Test(string source, string fixedSource) => new(source, fixedSource, ("Runtime.cs", Runtime));

    [Fact]
    public async Task Marking_a_helper_moves_the_warning_to_its_unmarked_caller_and_not_to_a_view()
    {
        var test = Test("""
            using static Flagon.Globals;
            static class Helpers
            {
                /// <summary>The path.</summary>
                public static string Path() => {|#0:Request|}.Path;

                [Flagon.Route("/")]
                public static string View() => Path();
            }
            """, """
            using static Flagon.Globals;
            using Flagon;
            static class Helpers
            {
                /// <summary>The path.</summary>
                [NeedsRequestContext]
                public static string Path() => Request.Path;

                [Flagon.Route("/")]
                public static string View() => Path();
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FLG0201", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Globals.Request", "'Path'", "call it from a view, mark 'Path' [NeedsRequestContext], or push one with app.TestRequestContext(...)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_property_with_attributes_gets_the_app_context_mark()
    {
        var test = Test("""
            using System;
            using Flagon;
            static class Settings
            {
                [Obsolete("x")]
                public static object App => {|#0:Globals.CurrentApp|};
            }
            """, """
            using System;
            using Flagon;
            static class Settings
            {
                [Obsolete("x")]
                [NeedsAppContext]
                public static object App => Globals.CurrentApp;
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FLG0202", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Globals.CurrentApp", "'App'", "call it from a view, mark 'App' [NeedsAppContext], or push one with app.AppContext()"));
        await test.RunAsync();
    }
}
