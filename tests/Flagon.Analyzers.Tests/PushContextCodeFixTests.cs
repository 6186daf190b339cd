using Basic.Reference.Assemblies;
using Flagon.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>The FLG0202 fix for setup code with an app at hand: push an app context for the rest of the block.</summary>
public class PushContextCodeFixTests
{
    private const string Runtime = """
        namespace Flagon
        {
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NeedsRequestContextAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NeedsAppContextAttribute : System.Attribute { }
            public sealed class Scope : System.IDisposable { public void Dispose() { } }
            public class App
            {
                public Scope AppContext() => new();
                public Scope TestRequestContext(string path = "/") => new();
            }
            public static class UrlFor { [NeedsAppContext] public static string Page(int pk) => "/page/" + pk; }
        }
        """;

    private static CodeFixTest<ContextAnalyzer, PushContextCodeFix> Test(string source, string fixedSource) => new(source, fixedSource, ("Runtime.cs", Runtime));

    [Fact]
    public async Task Setup_code_gets_an_app_context_pushed_before_the_statement()
    {
        var test = Test("""
            using Flagon;
            class Startup
            {
                static string Configure(App app)
                {
                    var home = {|#0:UrlFor.Page(1)|};
                    return home;
                }
            }
            """, """
            using Flagon;
            class Startup
            {
                static string Configure(App app)
                {
                    using var appContext = app.AppContext();
                    var home = UrlFor.Page(1);
                    return home;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FLG0202", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("UrlFor.Page", "'Configure'", "call it from a view, mark 'Configure' [NeedsAppContext], or push one with app.AppContext()"));
        test.CodeActionEquivalenceKey = "AppContext";
        await test.RunAsync();
    }
}
