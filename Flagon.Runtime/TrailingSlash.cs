namespace Flagon;

/// <summary>
/// What a rule does with a request path that differs from it only by a trailing slash. The default is
/// Werkzeug's: a rule ending in <c>/</c> redirects the path without it (308).
/// </summary>
public enum TrailingSlash
{
    /// <summary>
    /// Werkzeug's <c>strict_slashes=True</c>: <c>/docs/</c> requested as <c>/docs</c> answers 308 to <c>/docs/</c>
    /// (query string kept); <c>/about</c> requested as <c>/about/</c> is 404.
    /// </summary>
    Redirect = 0,

    /// <summary>Werkzeug's <c>strict_slashes=False</c>: the rule matches with and without the trailing slash, no redirect.</summary>
    Accept = 1,

    /// <summary>Only the exact path matches; the other form is 404.</summary>
    Strict = 2,
}
