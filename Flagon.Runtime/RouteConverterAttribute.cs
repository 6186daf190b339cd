namespace Flagon;

/// <summary>
/// Declares a URL converter that rules name as <c>&lt;name:variable&gt;</c>, Werkzeug's <c>app.url_map.converters['name']</c>:
/// put it on a class that derives from <see cref="Routing.RouteConverter{T}"/>. The generator finds it at build time
/// (in the same project as the rules that use it) and compiles its calls into the matcher and UrlFor.
/// </summary>
/// <param name="name">The name rules use: <c>slug</c> in <c>/posts/&lt;slug:title&gt;</c>.</param>
/// <example>
/// <code>
/// [RouteConverter("slug")]
/// public sealed class SlugConverter : RouteConverter&lt;string&gt;
/// {
///     public override string Regex => "[a-z0-9]+(?:-[a-z0-9]+)*";
///     public override bool TryParse(ReadOnlySpan&lt;char&gt; text, out string value) { value = new string(text); return IsMatch(text); }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RouteConverterAttribute(string name) : Attribute
{
    /// <summary>The name rules use.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Werkzeug's weight, which orders variables at the same place in rules: lower is tried first (<c>int</c> and
    /// <c>float</c> are 50, <c>string</c>, <c>uuid</c> and <c>any</c> 100, <c>path</c> 200). 100 unless set.
    /// </summary>
    public int Weight { get; set; } = 100;
}
