using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.BlueprintRegistrationAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0113: a blueprint no RegisterBlueprint call registers.</summary>
public class BlueprintRegistrationAnalyzerTests
{
    [Fact]
    public Task A_registered_blueprint_reports_nothing_and_a_forgotten_one_is_named() => Verify.VerifyAsync("""
        using Flagon;
        [Blueprint("admin")] partial class Admin { }
        [Blueprint("blog")] partial class {|#0:Blog|} { }
        class Registry
        {
            public void RegisterBlueprint<T>(string? urlPrefix = null) { }
        }
        static class Setup
        {
            static void Run(Registry app) => app.RegisterBlueprint<Admin>("/admin");
        }
        """,
        new DiagnosticResult("FLG0113", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Blog"));

    [Fact]
    public Task A_blueprint_registered_in_an_app_subclasss_constructor_counts() => Verify.VerifyAsync("""
        using Flagon;
        [Blueprint("books")] partial class Books { }
        class Registry
        {
            public void RegisterBlueprint<T>() { }
        }
        class MyApp : Registry
        {
            public MyApp() => RegisterBlueprint<Books>();
        }
        """);

    [Fact]
    public async Task A_forgotten_blueprint_is_reported_by_the_analysis_of_its_own_document_as_the_IDE_runs_it()
    {
        var open = new OpenDocumentAnalysis(new BlueprintRegistrationAnalyzer(),
        [
            AnalyzerTest<BlueprintRegistrationAnalyzer>.FlagonStub,
            """
            using Flagon;
            [Blueprint("admin")] partial class Admin { }
            [Blueprint("blog")] partial class Blog { }
            """,
            """
            class Registry { public void RegisterBlueprint<T>() { } }
            static class Setup { static void Run(Registry app) => app.RegisterBlueprint<Admin>(); }
            """
        ]);

        var diagnostics = await open.OfDocument(1);

        var forgotten = Assert.Single(diagnostics);
        Assert.Equal(("FLG0113", "The blueprint 'Blog' is never registered with app.RegisterBlueprint<Blog>(), so its views never answer"), (forgotten.Id, forgotten.GetMessage()));
    }

    [Theory]
    [InlineData(4080)]
    [InlineData(4090)]
    [InlineData(8180)]
    public void A_call_is_found_wherever_it_falls_in_the_file_read_in_blocks(int at)
    {
        // The file with the call names RegisterBlueprint only there: finding the file depends on that one place.
        const string head = "class Setup { static void Run(Registry app) {\n";
        string padding = "// " + new string('x', at - head.Length - 8) + "\n";
        string source = head + padding + "app.RegisterBlueprint<Setup>(); } }";
        Assert.Equal(at, source.IndexOf("RegisterBlueprint", StringComparison.Ordinal));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Blocks",
            [
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Registry { public void RegisterBlueprint<T>() { } }"),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source),
            ],
            Basic.Reference.Assemblies.Net100.References.All);

        var calls = NamedCalls.In(compilation, "RegisterBlueprint", CancellationToken.None);

        Assert.Equal("Setup", Assert.Single(calls).TargetMethod.TypeArguments[0].Name);
    }
}
