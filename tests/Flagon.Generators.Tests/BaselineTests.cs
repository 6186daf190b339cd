using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Tests;

public class BaselineTests
{
    private static string HelloSource => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "Hello", "Program.cs"));

    [Fact]
    public void Generated_route_table_for_the_Hello_sample_matches_its_baseline()
    {
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(HelloSource));

        // The shared table, and the part of the one class with views (its invoke methods, builders, typed UrlFor).
        var generated = result.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(["Flagon.AppRouteTable.Views.g.cs", "Flagon.AppRouteTable.g.cs"], generated.Select(g => g.HintName).Order(StringComparer.Ordinal));
        foreach (var source in generated)
        {
            Baseline.Verify($"Hello/{source.HintName}.txt", source.SourceText.ToString());
        }

        // The generated code compiles against the runtime without errors or warnings.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_code_for_the_conformance_app_and_its_blueprint_matches_the_baselines()
    {
        var inputs = Path.Combine(AppContext.BaseDirectory, "Inputs", "Conformance");
        var sources = Directory.GetFiles(inputs, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        sources.Add(GeneratorHarness.ImplicitUsings);
        sources.Add("class Program { static void Main() { } }");
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([.. sources]));

        var names = result.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Flagon.AppRouteTable.Flagon.Runtime.Tests.ConformanceViews.g.cs", "Flagon.AppRouteTable.g.cs", "Flagon.Blueprint.AdminBlueprint.g.cs",
            "Flagon.Blueprint.GreeterBlueprint.g.cs", "Flagon.Blueprint.ReportsBlueprint.g.cs", "Flagon.RouteConverters.g.cs"], names);
        foreach (var generated in result.Results.Single().GeneratedSources)
        {
            Baseline.Verify($"Conformance/{generated.HintName}.txt", generated.SourceText.ToString());
        }
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_seeds_imperative_add_url_rule_calls_are_compiled_and_intercepted()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "SeedSlide10.cs"));
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source, GeneratorHarness.ImplicitUsings));

        var generated = Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Equal("Flagon.UrlRules.g.cs", generated.HintName);
        Baseline.Verify("SeedSlide10/Flagon.UrlRules.g.cs.txt", generated.SourceText.ToString());
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(generated.SourceText.ToString(), "InterceptsLocation\\(").Count);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_blueprint_without_views_yet_compiles_without_warnings()
    {
        // Its matcher reads no part of the path: no unused local (CS0219 broke builds that treat warnings as errors).
        const string source = """
            using Flagon;
            var app = new App(args).RegisterBlueprint<Blog>();
            [Blueprint("blog", UrlPrefix = "/blog")] partial class Blog { }
            """;
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        Assert.Contains(result.GeneratedTrees, t => t.FilePath.Contains("Blog", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_computed_rule_is_left_to_the_run_time_path()
    {
        const string source = """
            using Flagon;
            var app = new App(args);
            string rule = args.Length > 0 ? args[0] : "/";
            app.AddUrlRule(rule, Views.IndexView, endpoint: "index");
            static class Views { public static string IndexView() => "x"; }
            """;
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Views_in_nested_classes_and_classes_named_with_keywords_get_parts_that_compile()
    {
        const string source = """
            using Flagon;
            namespace Shop.@event
            {
                static class @class
                {
                    [Route("/a")] public static string A() => "a";
                }
                static class Outer
                {
                    public static class Inner
                    {
                        [Route("/b")] public static string B() => "b";
                    }
                }
                static class Outer_Inner
                {
                    [Route("/c")] public static string C() => "c";
                }
            }
            static class Program { static void Main() { } }
            """;
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        var names = result.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Flagon.AppRouteTable.Shop.event.Outer.Inner.g.cs", "Flagon.AppRouteTable.Shop.event.Outer_Inner.g.cs",
            "Flagon.AppRouteTable.Shop.event.class.g.cs", "Flagon.AppRouteTable.g.cs"], names);
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
        var text = string.Concat(result.GeneratedTrees.Select(t => t.GetText().ToString()));
        Assert.Contains("\"/ok\"", text);
        Assert.DoesNotContain("no-slash", text);
        Assert.DoesNotContain("unknown", text);
    }
}
