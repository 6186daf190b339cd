namespace Flagon;

/// <summary>
/// Binds a view method to a URL rule, like Flask's <c>@app.route</c>. The rule uses Werkzeug's syntax
/// (<c>/page/&lt;int:pk&gt;</c>) and is compiled at build time into the app's route table.
/// </summary>
/// <example>
/// <code>
/// partial class Pages
/// {
///     [Route("/")]
///     public static string Index() => "Hello, world!";
/// }
/// </code>
/// </example>
/// <param name="rule">The URL rule; it must start with <c>/</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class RouteAttribute(string rule) : Attribute
{
    /// <summary>The URL rule, in Werkzeug's syntax.</summary>
    public string Rule { get; } = rule;

    /// <summary>The HTTP methods the rule accepts; <c>GET</c> (and so <c>HEAD</c>) when not set.</summary>
    public string[]? Methods { get; set; }

    /// <summary>
    /// Values the rule supplies to the view without taking them from the URL, as <c>"name=value"</c> pairs
    /// separated by <c>;</c> or <c>,</c> (Flask's <c>defaults={"pk": 1}</c>). When building a URL for the
    /// endpoint, a rule whose defaults equal the given values is preferred, so the value stays out of the URL.
    /// </summary>
    public string? Defaults { get; set; }

    /// <summary>
    /// The endpoint name; when not set, the method's name in snake_case (<c>DefaultPage</c> → <c>default_page</c>),
    /// as Flask names an endpoint after its function.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Werkzeug's <c>strict_slashes</c>: <see langword="true"/> (the default) redirects a path missing the rule's
    /// trailing slash; <see langword="false"/> accepts both forms. <see cref="TrailingSlash"/> offers a third, strict, policy.
    /// </summary>
    public bool StrictSlashes { get; set; } = true;

    /// <summary>The trailing-slash policy; overrides <see cref="StrictSlashes"/> when set.</summary>
    public TrailingSlash TrailingSlash { get; set; }
}
