namespace Flagon;

/// <summary>
/// Makes a static method a template filter (Flask's <c>template_filter</c> / <c>add_app_template_filter</c>):
/// <c>{{ title | shout }}</c> calls it with the value, and <c>{{ price | money: "EUR", 2 }}</c> with the value and
/// the arguments. Registered by generated code, for every app (a blueprint's filters too, as Flask's
/// <c>app_template_filter</c>). The first parameter takes the value; each parameter is a string, a number, a bool or
/// an object.
/// </summary>
/// <example><code>[TemplateFilter] public static string Shout(string value) => value.ToUpperInvariant() + "!";</code></example>
/// <param name="name">The name in templates; the method's name in snake_case when omitted.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TemplateFilterAttribute(string? name = null) : Attribute
{
    /// <summary>The filter's name in templates, or null for the method's name in snake_case.</summary>
    public string? Name { get; } = name;
}

/// <summary>
/// Makes a static method a context processor (Flask's <c>context_processor</c>): its values (a dictionary, or
/// key/value pairs) are added to the names of every template rendered in the app, or, declared in a blueprint
/// class, of the templates its views render. Registered by generated code.
/// </summary>
/// <example><code>[ContextProcessor] public static Dictionary&lt;string, object?&gt; Site() => new() { ["year"] = DateTime.Now.Year };</code></example>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ContextProcessorAttribute : Attribute;
