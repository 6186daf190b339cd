using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Tests;

public class BaselineTests
{
    private static string HelloSource => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "Hello", "Program.cs"));

    [Fact]
    public void Generated_route_table_for_the_Hello_sample_matches_its_baseline()
    {
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(HelloSource));

        var generated = Assert.Single(result.GeneratedTrees);
        Assert.EndsWith("Flagon.AppRouteTable.g.cs", generated.FilePath);
        Baseline.Verify("Hello/Flagon.AppRouteTable.g.cs.txt", generated.GetText().ToString());

        // The generated code compiles against the runtime without errors or warnings.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_route_table_for_the_conformance_app_matches_its_baseline()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "Conformance", "ConformanceViews.cs"));
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source, GeneratorHarness.ImplicitUsings, "class Program { static void Main() { } }"));

        var generated = Assert.Single(result.GeneratedTrees);
        Baseline.Verify("Conformance/Flagon.AppRouteTable.g.cs.txt", generated.GetText().ToString());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_compilation_without_views_generates_nothing()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation("class C { static void Main() { } }"));

        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Invalid_rules_are_skipped_without_crashing_the_generator()
    {
        const string source = """
            using Flagon;
            static class Views
            {
                [Route("no-slash")] public static string A() => "a";
                [Route("/<unknown:x>")] public static string B() => "b";
                [Route("/ok")] public static string C() => "c";
                static void Main() { }
            }
            """;
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        Assert.Empty(result.Diagnostics);
        var text = Assert.Single(result.GeneratedTrees).GetText().ToString();
        Assert.Contains("\"/ok\"", text);
        Assert.DoesNotContain("no-slash", text);
        Assert.DoesNotContain("unknown", text);
    }
}
