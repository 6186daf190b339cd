using BenchmarkDotNet.Attributes;
using Fluid;
using Flagon.Routing;

namespace Flagon.Benchmarks;

/// <summary>
/// The seed's <c>/template</c> page (191 bytes: a title twice and a three-item list, two items escaped), rendered by
/// Flagon's <c>Template.RenderText</c> inside an app context, as a view would. The same template file is rendered
/// by Jinja2 in <c>benchmarks/jinja2_template.py</c>; <c>benchmarks/templates-vs-jinja2.sh</c> runs both.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private App app = null!;
    private IDisposable? context;

    /// <summary>The model both engines render.</summary>
    public static readonly TemplateModel Model = new("Hello, world page!", ["one", "<two>", "three & four"]);

    private sealed class BenchmarkApp() : App(["--urls", "http://127.0.0.1:0"], RouteTableRegistry.Tables);

    private Fluid.IFluidTemplate fluidTemplate = null!;
    private readonly Fluid.TemplateOptions fluidOptions = new Fluid.TemplateOptionsBuilder().Build();

    [GlobalSetup]
    public void Setup()
    {
        app = new BenchmarkApp();
        context = app.AppContext();
        Template.RenderText("template.html", Model);
        fluidTemplate = new Fluid.FluidParser().Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "template.html")));
    }

    [GlobalCleanup]
    public void Cleanup() => context?.Dispose();

    /// <summary>Flask's <c>render_template("template.html", title=…, items=…)</c>.</summary>
    [Benchmark]
    [NeedsAppContext]
    public string FlagonRenderTemplate() => Template.RenderText("template.html", Model);

    /// <summary>
    /// What a view does: <c>Template.Render</c>, the page rendered into a response (its UTF-8 bytes, which the response
    /// sends as they are).
    /// </summary>
    [Benchmark]
    [NeedsAppContext]
    public Response FlagonRenderResponse() => Template.Render("template.html", Model);

    /// <summary>
    /// The baseline: Fluid used directly, as the HTTP benchmark's Minimal APIs server does (the template parsed once,
    /// a context with the two values per render, HTML-encoded).
    /// </summary>
    [Benchmark(Baseline = true)]
    public string FluidDirect()
    {
        var values = new Fluid.TemplateContext(fluidOptions);
        values.SetValue("title", Model.Title);
        values.SetValue("items", Model.Items);
        return fluidTemplate.Render(values, System.Text.Encodings.Web.HtmlEncoder.Default);
    }
}

/// <summary>The /template page's values.</summary>
public sealed record TemplateModel(string Title, string[] Items);
