using System.Collections;
using System.Reflection;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flagon.Generators.Tests;

public class IncrementalityTests
{
    private const string Views = """
        using Flagon;
        static partial class Views
        {
            [Route("/")]
            public static string Hello() => "Hello, world!";

            [Route("/about", Methods = ["GET", "POST"])]
            public static string About() => "About";

            static void Main() { }
        }

        [Blueprint("admin", UrlPrefix = "/admin")]
        partial class Admin
        {
            [Route("/")]
            public static string Hello() => "Hello from blueprint!";

            [ErrorHandler(404)]
            public static (string, int) Missing(HttpError e) => ("no such admin page", e.Code);

            [AfterRequest]
            public static void Stamp(Response response) => response.Headers["X-Admin"] = "1";
        }
        """;

    // In a file of its own: an interceptable location encodes its file's checksum, so an edit in the same file
    // rightly re-emits the interceptor.
    private const string Setup = """
        using Flagon;
        static class Setup
        {
            public static App Configure(App app) => app.AddUrlRule("/legacy", Views.About, endpoint: "legacy");
        }
        """;

    private static readonly string[] TrackedSteps = [TrackingNames.Views, TrackingNames.Blueprints, TrackingNames.ErrorHandlers, TrackingNames.UrlRuleCalls, TrackingNames.Hooks, TrackingNames.AppModel,
        TrackingNames.AppTable, TrackingNames.AppParts, TrackingNames.UrlRuleTables, TrackingNames.BlueprintTables, TrackingNames.ReferencedConverters];

    [Fact]
    public void An_edit_inside_a_view_body_leaves_every_tracked_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Views, Setup);
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        // A different length: everything after the edit moves, which a spec keeping character positions would notice.
        var edited = ReplaceSource(compilation, Views.Replace("\"Hello, world!\"", "\"Hello there, wide world!\""));
        var (_, _, result) = GeneratorHarness.Run(edited, driver);

        AssertAllOutputs(result, TrackedSteps, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        // The source output is not re-emitted: its reason is Cached too.
        var outputs = result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_edit_in_an_unrelated_file_leaves_every_tracked_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Views, Setup, "class Unrelated { int x = 1; }");
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        var old = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText("class Unrelated { int x = 2; int y; }", GeneratorHarness.ParseOptions, old.FilePath));
        var (_, _, result) = GeneratorHarness.Run(edited, driver);

        AssertAllOutputs(result, TrackedSteps, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Changing_a_rule_reruns_the_model()
    {
        var compilation = GeneratorHarness.CreateCompilation(Views);
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        var (_, _, result) = GeneratorHarness.Run(ReplaceSource(compilation, Views.Replace("\"/about\"", "\"/about-us\"")), driver);

        var model = result.Results.Single().TrackedSteps[TrackingNames.AppModel].Single();
        Assert.Equal(IncrementalStepRunReason.Modified, model.Outputs.Single().Reason);
        Assert.Contains("/about-us", result.GeneratedTrees.First(t => t.FilePath.EndsWith("Flagon.AppRouteTable.g.cs", StringComparison.Ordinal)).GetText().ToString());
    }

    [Fact]
    public void A_rule_change_rewrites_only_the_file_of_its_table()
    {
        const string Reports = """
            using Flagon;
            [Blueprint("reports", UrlPrefix = "/reports")]
            partial class Reports
            {
                [Route("/")]
                public static string Index() => "reports";
            }

            static class More
            {
                [Route("/more")]
                public static string Extra() => "more";
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(Views, Reports);
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        // A rule of an app view: the app table and that class's part are written again, other parts and the
        // blueprints' files are not.
        var (driver2, _, appEdit) = GeneratorHarness.Run(ReplaceSource(compilation, Views.Replace("\"/about\"", "\"/about-us\"")), driver);
        var steps = appEdit.Results.Single().TrackedSteps;
        Assert.Equal(IncrementalStepRunReason.Modified, steps[TrackingNames.AppTable].Single().Outputs.Single().Reason);
        var parts = steps[TrackingNames.AppParts].Single().Outputs;
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified], parts.Select(o => o.Reason).ToArray()); // More, Views
        Assert.Contains("/about-us", appEdit.GeneratedTrees.Single(t => t.FilePath.EndsWith("Flagon.AppRouteTable.Views.g.cs", StringComparison.Ordinal)).ToString());
        Assert.All(steps[TrackingNames.BlueprintTables].Single().Outputs, o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        // A rule of one blueprint: that blueprint's file only.
        var edited = ReplaceSource(compilation, Views.Replace("\"/about\"", "\"/about-us\""));
        var reportsTree = edited.SyntaxTrees.Single(t => t.ToString().Contains("\"reports\"", StringComparison.Ordinal));
        edited = edited.ReplaceSyntaxTree(reportsTree, CSharpSyntaxTree.ParseText(Reports.Replace("[Route(\"/\")]", "[Route(\"/all\")]"), GeneratorHarness.ParseOptions, reportsTree.FilePath));
        var (_, _, blueprintEdit) = GeneratorHarness.Run(edited, driver2);
        steps = blueprintEdit.Results.Single().TrackedSteps;
        Assert.Equal(IncrementalStepRunReason.Unchanged, steps[TrackingNames.AppTable].Single().Outputs.Single().Reason);
        var blueprints = steps[TrackingNames.BlueprintTables].Single().Outputs;
        Assert.Equal(2, blueprints.Length);
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified], blueprints.Select(o => o.Reason).ToArray());
        Assert.Contains("/all", blueprintEdit.GeneratedTrees.Single(t => t.FilePath.EndsWith("Flagon.Blueprint.Reports.g.cs", StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void The_model_holds_no_symbols_syntax_or_compilation()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Views));

        var model = result.Results.Single().TrackedSteps[TrackingNames.AppModel].Single().Outputs.Single().Value;
        Assert.IsType<AppSpec>(model);
        AssertPlainData(model, "AppSpec", []);
    }

    private static Compilation ReplaceSource(Compilation compilation, string source)
    {
        var old = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertAllOutputs(GeneratorDriverRunResult result, string[] steps, params IncrementalStepRunReason[] allowed)
    {
        var tracked = result.Results.Single().TrackedSteps;
        foreach (var step in steps)
        {
            Assert.True(tracked.ContainsKey(step), $"step {step} was not tracked");
            foreach (var run in tracked[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(allowed.Contains(reason), $"step {step} output was {reason}");
                }
            }
        }
    }

    // Walks the model's object graph (as System.Text.Json's generator tests do): a symbol, a syntax node
    // or a compilation kept in the model would pin old compilations in memory and defeat caching.
    private static void AssertPlainData(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
            {
                AssertPlainData(item, $"{path}[{i++}]", seen);
            }
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertPlainData(property.GetValue(value), $"{path}.{property.Name}", seen);
            }
        }
    }
}
