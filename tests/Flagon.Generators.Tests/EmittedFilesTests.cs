using Flagon.Generators.Emitters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Flagon.Generators.Tests;

/// <summary>
/// A command-line build starts a new generator run each time; files whose model has not changed since this process
/// wrote them are handed back, not written again. These tests hold that to its promise: never a stale file.
/// </summary>
public class EmittedFilesTests
{
    private sealed record Model(string Text);

    private static SourceText Write(Model model, ref int calls)
    {
        calls++;
        return SourceText.From(model.Text, System.Text.Encoding.UTF8);
    }

    [Fact]
    public void An_equal_model_gets_the_text_written_before_and_a_different_one_is_written_anew()
    {
        string assembly = Guid.NewGuid().ToString();
        int calls = 0;
        SourceText Emit(Model m) => Write(m, ref calls);

        var first = EmittedFiles.GetOrEmit(assembly, "A.g.cs", new Model("one"), Emit);
        var again = EmittedFiles.GetOrEmit(assembly, "A.g.cs", new Model("one"), Emit);
        Assert.Same(first, again);
        Assert.Equal(1, calls);

        var changed = EmittedFiles.GetOrEmit(assembly, "A.g.cs", new Model("two"), Emit);
        Assert.Equal("two", changed.ToString());
        Assert.Equal(2, calls);

        // Another file, or the same file of another assembly, is never served from this one.
        Assert.Equal("two", EmittedFiles.GetOrEmit(assembly, "B.g.cs", new Model("two"), Emit).ToString());
        Assert.Equal("two", EmittedFiles.GetOrEmit(assembly + "x", "A.g.cs", new Model("two"), Emit).ToString());
        Assert.Equal(4, calls);
    }

    private static string Views(string rule) => $$"""
        using Flagon;
        namespace App;
        public static class Pages
        {
            [Route("{{rule}}")]
            public static string Page(int pk) => "page";

            public static void Main() { }
        }
        """;

    private static Dictionary<string, SourceText> RunFresh(string assembly, string source)
    {
        // A new driver on a new compilation, as each command-line build starts it.
        var compilation = GeneratorHarness.CreateCompilation(source).WithAssemblyName(assembly);
        var (_, output, result) = GeneratorHarness.Run(compilation);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
    }

    [Fact]
    public void A_new_run_on_an_unchanged_project_reuses_its_files_and_a_changed_rule_is_written_anew()
    {
        string assembly = "EmittedFilesTest" + Guid.NewGuid().ToString("N");
        var first = RunFresh(assembly, Views("/page/<int:pk>"));
        var unchanged = RunFresh(assembly, Views("/page/<int:pk>"));
        Assert.Equal(first.Keys.Order(), unchanged.Keys.Order());
        Assert.All(first, file => Assert.Same(file.Value, unchanged[file.Key]));

        var edited = RunFresh(assembly, Views("/post/<int:pk>"));
        string table = edited["Flagon.AppRouteTable.g.cs"].ToString();
        Assert.Contains("\"/post/<int:pk>\"", table, StringComparison.Ordinal);
        Assert.DoesNotContain("/page/", table, StringComparison.Ordinal);
        Assert.Contains("\"/post/\"", edited.Single(f => f.Key.Contains("App.Pages", StringComparison.Ordinal)).Value.ToString(), StringComparison.Ordinal);
    }
}
