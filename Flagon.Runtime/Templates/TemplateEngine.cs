using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Flagon.Templates;

/// <summary>
/// One app's templates (Flask's <c>jinja_env</c>): finds them in the app's template folder, then the blueprints',
/// parses each once and caches it (re-reading a changed file in debug mode or with <c>TEMPLATES_AUTO_RELOAD</c>), and renders with layouts, the
/// template globals, the app's filters and its context processors.
/// </summary>
internal sealed partial class TemplateEngine(App app)
{
    private readonly ConcurrentDictionary<string, CompiledTemplate> cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a changed template file is read again (Flask's <c>TEMPLATES_AUTO_RELOAD</c>): the setting, else debug
    /// mode; decided when the engine is made (the app's first render), as Flask decides it when it makes its Jinja
    /// environment, so that a render does not read the configuration.
    /// </summary>
    private readonly bool autoReload = bool.TryParse(app.Config["TEMPLATES_AUTO_RELOAD"], out var reload) ? reload : app.Debug;

    /// <summary>Fluid's options for this app: its filters and member access (made again when a filter is added).</summary>
    public TemplateOptions Options => Volatile.Read(ref options) ?? BuildOptions();

    private TemplateOptions? options;
    private readonly TemplateOptionsBuilder builder = TemplateValues.NewOptions();
    private readonly object gate = new();

    /// <summary>
    /// The app's template globals as every render's Fluid model: a name a template does not find among the render's
    /// own values (the model's, the context processors') is looked up there, so globals are never copied into a
    /// render. (Not Fluid's global values: those are matched by exact name, where Flagon's match ignoring case.)
    /// </summary>
    public FluidValue GlobalsModel { get; } = ObjectValue.Create(new TemplateValues.GlobalsView(app));

    /// <summary>Adds a filter (before the app serves: the options are made again with it).</summary>
    public void AddFilter(string name, FilterDelegate filter)
    {
        lock (gate)
        {
            builder.AddFilter(name, filter);
            Volatile.Write(ref options, null);
        }
    }

    private TemplateOptions BuildOptions()
    {
        lock (gate)
        {
            if (options is { } built)
            {
                return built;
            }
            built = builder.Build();
            Engines.AddOrUpdate(built, this);
            Volatile.Write(ref options, built);
            return built;
        }
    }

    // Which engine made a context's options: include, import and macros load their files through it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TemplateOptions, TemplateEngine> Engines = new();

    /// <summary>The engine whose options <paramref name="context"/> was made with.</summary>
    public static TemplateEngine Of(TemplateContext context) =>
        Engines.TryGetValue(context.Options, out var engine) ? engine : throw new InvalidOperationException("This template context was not made by a Flagon app.");

    /// <summary>The template called <paramref name="name"/>, parsed (from the cache unless its file changed and templates auto-reload).</summary>
    /// <exception cref="TemplateNotFoundException">No template folder has it.</exception>
    /// <exception cref="TemplateSyntaxException">It cannot be parsed.</exception>
    public CompiledTemplate Load(string name)
    {
        if (cache.TryGetValue(name, out var cached) && !(autoReload && cached.Path is not null && File.GetLastWriteTimeUtc(cached.Path) != cached.Stamp))
        {
            return cached;
        }
        var searched = new List<string>();
        foreach (var folder in app.TemplateFolders())
        {
            searched.Add(folder);
            var path = Path.GetFullPath(Path.Combine(folder, name));
            if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                continue;
            }
            var stamp = File.GetLastWriteTimeUtc(path);
            var compiled = Parse(name, path, File.ReadAllText(path), stamp);
            cache[name] = compiled;
            return compiled;
        }
        throw new TemplateNotFoundException(name, searched);
    }

    /// <summary>Parses a template given as text (Flask's <c>render_template_string</c>).</summary>
    public static CompiledTemplate Parse(string name, string? path, string source, DateTime stamp = default)
    {
        if (!TemplateParser.Instance.TryParse(NamedArguments.Normalize(source), out var template, out var error))
        {
            var position = Position().Match(error);
            int line = position.Success ? int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            int column = position.Success ? int.Parse(position.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            throw new TemplateSyntaxException(name, path, line, column, error);
        }
        return new CompiledTemplate(name, path, template, stamp, ExtendsTag().IsMatch(source));
    }

    /// <summary>Renders <paramref name="template"/> (following its <c>extends</c> chain) with <paramref name="context"/>.</summary>
    public async ValueTask RenderAsync(CompiledTemplate template, TemplateContext context, IFluidOutput writer)
    {
        var encoder = CompiledTemplate.EncoderFor(template.Name);
        if (!template.Extends)
        {
            // Most pages: no blocks to collect, no chain to follow.
            await template.Template.RenderAsync(writer, encoder, context);
            return;
        }
        context.AmbientValues[TemplateParser.BlocksKey] = new Dictionary<string, List<IReadOnlyList<Fluid.Ast.Statement>>>(StringComparer.Ordinal);
        context.SetValue("super", TemplateParser.SuperFunction);
        var chain = new List<string> { template.Name };
        while (template.Extends)
        {
            // A child template is read for its blocks, then its parent is rendered with them.
            context.AmbientValues[TemplateParser.CollectingKey] = true;
            context.AmbientValues.Remove(TemplateParser.ExtendsKey);
            await template.Template.RenderAsync(NullOutput.Instance, encoder, context);
            if (!context.AmbientValues.TryGetValue(TemplateParser.ExtendsKey, out var parent) || parent is not string { Length: > 0 } parentName)
            {
                throw new TemplateSyntaxException(template.Name, template.Path, 1, 1, "'extends' must name the parent template, as in {% extends \"base.html\" %}.");
            }
            if (chain.Contains(parentName))
            {
                throw new TemplateSyntaxException(template.Name, template.Path, 1, 1, $"templates extend each other in a loop: {string.Join(" -> ", chain)} -> {parentName}.");
            }
            chain.Add(parentName);
            template = Load(parentName);
        }
        context.AmbientValues[TemplateParser.CollectingKey] = false;
        await template.Template.RenderAsync(writer, encoder, context);
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"^\s*\{%-?\s*extends\s")]
    private static partial Regex ExtendsTag();
}
