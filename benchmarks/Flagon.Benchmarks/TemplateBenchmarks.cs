using BenchmarkDotNet.Attributes;
using Flagon.Routing;

namespace Flagon.Benchmarks;

/// <summary>
/// The seed's <c>/template</c> page (191 bytes: a title twice and a three-item list, one item escaped), rendered by
/// Flagon's <c>Template.RenderText</c> inside an app context, as a view would. The same template file is rendered
/// by Jinja2 in <c>benchmarks/jinja2_template.py</c>; <c>benchmarks/templates-vs-jinja2.sh</c> runs both.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private App app = null!;
    private IDisposable? context;

    /// <summary>The model both engines render.</summary>
    public static readonly TemplateModel Model = new("Hello, template world!", ["one", "two", "three & four"]);

    private sealed class BenchmarkApp() : App(["--urls", "http://127.0.0.1:0"], RouteTableRegistry.Tables);

    [GlobalSetup]
    public void Setup()
    {
        app = new BenchmarkApp();
        context = app.AppContext();
        Template.RenderText("template.html", Model);
    }

    [GlobalCleanup]
    public void Cleanup() => context?.Dispose();

    /// <summary>Flask's <c>render_template("template.html", title=…, items=…)</c>.</summary>
    [Benchmark]
    [NeedsAppContext]
    public string FlagonRenderTemplate() => Template.RenderText("template.html", Model);
}

/// <summary>The /template page's values.</summary>
public sealed record TemplateModel(string Title, string[] Items);
