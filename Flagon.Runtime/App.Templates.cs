using Flagon.Blueprints;
using Flagon.Templates;
using Fluid;
using Fluid.Values;

namespace Flagon;

public partial class App
{
    private TemplateEngine? templates;
    // Replaced, not changed, when one is added: every render reads them without a lock or a copy.
    private Func<IEnumerable<KeyValuePair<string, object?>>>[] contextProcessors = [];
    private KeyValuePair<string, object?>[] templateGlobals = [];

    /// <summary>
    /// The folder templates are read from (Flask's <c>template_folder</c>): relative to the content root, or, when it
    /// is not there, to the program's folder. Blueprints registered with a template folder are searched after it.
    /// </summary>
    public string TemplateFolder { get; set; } = "templates";

    /// <summary>The app's templates.</summary>
    internal TemplateEngine Templates => templates ??= NewTemplateEngine();

    private TemplateEngine NewTemplateEngine()
    {
        var engine = new TemplateEngine(this);
        foreach (var (name, filter) in TemplateFunctionRegistry.AllFilters())
        {
            AddFilter(engine, name, filter);
        }
        return engine;
    }

    private static void AddFilter(TemplateEngine engine, string name, Func<object?, object?[], object?> filter) =>
        engine.AddFilter(name, (input, arguments, context) =>
        {
            var values = Enumerable.Range(0, arguments.Count).Select(i => arguments.At(i).ToObjectValue(context)).ToArray();
            return new ValueTask<FluidValue>(FluidValue.Create(filter(input.ToObjectValue(context), values), context.Options));
        });

    /// <summary>The folders templates are looked up in, in order: the app's, then each blueprint's.</summary>
    internal IEnumerable<string> TemplateFolders()
    {
        yield return ResolveFolder(TemplateFolder);
        foreach (var mount in router.Blueprints.Where(b => b.TemplateFolder is not null))
        {
            yield return ResolveFolder(mount.TemplateFolder!);
        }
    }

    /// <summary>
    /// Adds a template filter (Flask's <c>add_app_template_filter</c>): <c>{{ title | shout }}</c> calls
    /// <paramref name="filter"/> with the value; its result is written (HTML-escaped in HTML templates).
    /// </summary>
    /// <param name="name">The filter's name in templates.</param>
    /// <param name="filter">The value in, the new value out.</param>
    /// <returns>This app.</returns>
    public App AddTemplateFilter(string name, Func<string, string> filter)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(filter);
        Templates.AddFilter(name, (input, _, context) => new ValueTask<FluidValue>(StringValue.Create(filter(input.ToStringValue(context)))));
        return this;
    }

    /// <summary>
    /// Adds a template filter that takes arguments: <c>{{ price | money: "EUR", 2 }}</c> calls
    /// <paramref name="filter"/> with the value and <c>["EUR", 2]</c>.
    /// </summary>
    /// <param name="name">The filter's name in templates.</param>
    /// <param name="filter">The value and the arguments in, the new value out (a string, number, bool, or a list).</param>
    /// <returns>This app.</returns>
    public App AddTemplateFilter(string name, Func<object?, object?[], object?> filter)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(filter);
        AddFilter(Templates, name, filter);
        return this;
    }

    /// <summary>Adds a value every template sees under <paramref name="name"/> (Flask's <c>jinja_env.globals</c>).</summary>
    /// <returns>This app.</returns>
    public App AddTemplateGlobal(string name, object? value)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(name);
        lock (Instances)
        {
            templateGlobals = [.. templateGlobals.Where(g => g.Key != name), new(name, value)];
        }
        return this;
    }

    /// <summary>The value of the template global <paramref name="name"/> added with <see cref="AddTemplateGlobal"/> (ignoring case), or null.</summary>
    internal object? TemplateGlobal(string name)
    {
        foreach (var (key, value) in templateGlobals)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>
    /// Adds a context processor (Flask's <c>context_processor</c>): called for every template rendered in this app, its
    /// values are added to the template's names (the model's own values win over them).
    /// </summary>
    /// <returns>This app.</returns>
    public App AddContextProcessor(Func<IEnumerable<KeyValuePair<string, object?>>> processor)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(processor);
        lock (Instances)
        {
            contextProcessors = [.. contextProcessors, processor];
        }
        return this;
    }

    /// <summary>
    /// A template context for this app: the context processors' values (the model's are added after them, and win),
    /// over the globals (Flask's and the app's own), which are the context's fallback model rather than copied in.
    /// </summary>
    internal TemplateContext NewTemplateContext()
    {
        var engine = Templates;
        var context = new TemplateContext(engine.GlobalsModel, engine.Options);
        // Generated ([ContextProcessor]) ones first, the app's own and the current blueprint's; then those added in code.
        foreach (var processor in TemplateFunctionRegistry.ProcessorsFor(Contexts.CurrentScope.Blueprint?.DeclaredName))
        {
            SetValues(context, processor());
        }
        foreach (var processor in contextProcessors)
        {
            SetValues(context, processor());
        }
        return context;
    }

    private static void SetValues(TemplateContext context, IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var (name, value) in values)
        {
            TemplateValues.SetValue(context, name, value);
        }
    }
}
