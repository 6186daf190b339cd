using System.Diagnostics.CodeAnalysis;
using Flagon.Contexts;
using Flagon.Templates;

namespace Flagon;

/// <summary>
/// Flask's <c>render_template</c> on Fluid (Liquid): templates from the app's <c>templates/</c> folder (then the
/// blueprints'), parsed once and cached, with Jinja2-style layouts (<c>extends</c>, <c>block</c>, <c>include</c>),
/// <c>url_for</c>, the request globals, the app's filters and context processors. HTML templates (<c>.html</c>,
/// <c>.htm</c>, <c>.xml</c>) escape every value they write unless it goes through <c>| raw</c>.
/// </summary>
/// <example>
/// <code>
/// [Route("/hello/&lt;name&gt;")]
/// public static Response Hello(string name) => Template.Render("hello.html", new { name });
/// </code>
/// </example>
[NeedsAppContext]
public static class Template
{
    /// <summary>Renders a template without a model.</summary>
    /// <inheritdoc cref="Render{T}(string, T)"/>
    public static Response Render(string name) => Render<object?>(name, null);

    /// <summary>
    /// Renders the template called <paramref name="name"/> with the model's public properties (or a dictionary's
    /// entries) as its names, into a <c>text/html</c> response.
    /// </summary>
    /// <param name="name">The template's path under a template folder: <c>page.html</c>, <c>admin/index.html</c>.</param>
    /// <param name="model">The values: <c>new { title, posts }</c>, an object, or a dictionary.</param>
    /// <exception cref="TemplateNotFoundException">No template folder has it.</exception>
    /// <exception cref="TemplateSyntaxException">It cannot be parsed (file, line and column in the message).</exception>
    /// <exception cref="OutsideContextException">Called outside an app context.</exception>
    public static Response Render<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name, T model)
    {
        var app = App();
        var page = WriteUtf8(app, app.Templates.Load(name), model);
        app.OnTemplateRendered(name);
        return new Response(page);
    }

    /// <summary>Renders a template, for templates with asynchronous filters.</summary>
    /// <inheritdoc cref="Render{T}(string, T)"/>
    public static async Task<Response> RenderAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name, T model)
    {
        var app = App();
        var writer = new StringOutput();
        await app.Templates.RenderAsync(app.Templates.Load(name), NewContext(app, model), writer);
        app.OnTemplateRendered(name);
        return new Response(writer.ToString());
    }

    /// <summary>Renders a template to text (for mail bodies and the like) rather than a response.</summary>
    /// <inheritdoc cref="Render{T}(string, T)"/>
    public static string RenderText<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name, T model)
    {
        var app = App();
        var text = Write(app, app.Templates.Load(name), model);
        app.OnTemplateRendered(name);
        return text;
    }

    /// <summary>
    /// Renders template text given as a string (Flask's <c>render_template_string</c>), HTML-escaped; it may
    /// <c>extends</c> or <c>include</c> templates of the folders.
    /// </summary>
    /// <param name="source">The template's text.</param>
    /// <param name="model">The values, as for <see cref="Render{T}(string, T)"/>.</param>
    /// <exception cref="TemplateSyntaxException">It cannot be parsed.</exception>
    public static Response RenderString<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string source, T model)
    {
        var app = App();
        var page = WriteUtf8(app, TemplateEngine.Parse("<string>.html", null, source), model);
        app.OnTemplateRendered("<string>");
        return new Response(page);
    }

    /// <summary>Renders template text given as a string, without a model.</summary>
    /// <inheritdoc cref="RenderString{T}(string, T)"/>
    public static Response RenderString(string source) => RenderString<object?>(source, null);

    private static string Write<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(App app, CompiledTemplate template, T model) =>
        RenderPooled(ref cachedWriter, app, template, model, static output => output.Builder.ToString());

    // A response's page is encoded as UTF-8 while it is written, and only its bytes are allocated: half a string's
    // size, and sent as they are.
    private static byte[] WriteUtf8<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(App app, CompiledTemplate template, T model) =>
        RenderPooled(ref cachedOutput, app, template, model, static output => output.ToArray());

    [ThreadStatic]
    private static StringOutput? cachedWriter;

    [ThreadStatic]
    private static Utf8Output? cachedOutput;

    // Renders into this thread's output of its kind (taken while in use, so a nested render makes its own) and returns
    // what take makes of the page: only the finished page is allocated.
    private static TPage RenderPooled<TOutput, TPage, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        ref TOutput? cache, App app, CompiledTemplate template, T model, Func<TOutput, TPage> take)
        where TOutput : class, IPageOutput, new()
    {
        var output = cache ?? new TOutput();
        cache = null;
        try
        {
            RenderInto(app, template, model, output);
            return take(output);
        }
        finally
        {
            if (output.Capacity <= MaxCachedPage)
            {
                output.Reset();
                cache = output;
            }
        }
    }

    // Larger pages get a writer of their own each time, so that one big page does not stay in memory per thread.
    private const int MaxCachedPage = 64 * 1024;

    // Renders into output, waiting for the render only when an asynchronous filter made it wait (RenderAsync avoids that).
    private static void RenderInto<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(App app, CompiledTemplate template, T model, Fluid.IFluidOutput output)
    {
        var rendering = app.Templates.RenderAsync(template, NewContext(app, model), output);
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }
    }

    private static Fluid.TemplateContext NewContext<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(App app, T model)
    {
        var context = app.NewTemplateContext();
        TemplateValues.SetModel(context, model);
        return context;
    }

    private static App App() => CurrentScope.App ?? throw OutsideContextException.App("Template.Render");
}
