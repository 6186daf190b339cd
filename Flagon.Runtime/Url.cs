using System.Diagnostics.CodeAnalysis;
using Flagon.Routing;
using Microsoft.AspNetCore.Routing;

namespace Flagon;

/// <summary>
/// Flask's <c>url_for</c> by endpoint name, for templates and dynamic code. Prefer the generated, typed
/// <c>UrlFor.Page(pk: 1)</c>, which the compiler checks; both build the same URLs.
/// </summary>
public static class Url
{
    /// <summary>
    /// Whether <paramref name="url"/> leads to this site: a path (<c>/admin/pages</c>) or a relative reference
    /// (<c>page2</c>, <c>?page=2</c>), and not <c>//evil.example</c>, <c>/\evil.example</c>, <c>https://evil.example</c>,
    /// <c>javascript:…</c> or text with control characters. Check a <c>next=</c> parameter with it before redirecting
    /// to it; <see cref="Globals.Redirect"/> refuses other origins itself unless told otherwise.
    /// </summary>
    /// <param name="url">The URL, as given by the client.</param>
    public static bool IsLocal([NotNullWhen(true)] string? url)
    {
        if (string.IsNullOrEmpty(url) || url.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || url.Contains('\u007f'))
        {
            return false;
        }
        if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal) || url[0] == '\\')
        {
            return false;   // another host, without a scheme (browsers read a backslash as a slash)
        }
        return SchemeLength(url) == 0;
    }

    // The length of the URL's scheme and its colon (RFC 3986: a letter, then letters, digits, '+', '-', '.'), or 0.
    internal static int SchemeLength(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0]))
        {
            return 0;
        }
        for (int i = 1; i < url.Length; i++)
        {
            char c = url[i];
            if (c == ':')
            {
                return i + 1;
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return 0;
            }
        }
        return 0;
    }

    /// <summary>
    /// Builds the URL of <paramref name="endpoint"/> with <paramref name="values"/>; values no rule uses become the
    /// query string: <c>Url.For("secret", new() { ["username"] = "user", ["foo"] = "bar" })</c> is
    /// <c>/secret/user?foo=bar</c>.
    /// </summary>
    /// <param name="endpoint">The endpoint: <c>view</c>, <c>blueprint.view</c>.</param>
    /// <param name="values">
    /// The rule values and extra query values. Flask's keywords may be given among them, as Flask code passes them:
    /// <c>_anchor</c>, <c>_external</c> (a bool) and <c>_scheme</c> (with <c>_external</c>).
    /// </param>
    /// <param name="anchor">Flask's <c>_anchor</c>: appended after <c>#</c>.</param>
    /// <param name="external">Flask's <c>_external</c>: an absolute URL with scheme and host.</param>
    /// <exception cref="UrlBuildException">No such endpoint, or a value is missing or does not fit its rule.</exception>
    /// <exception cref="ArgumentException">
    /// <c>_scheme</c> without <c>_external</c>, a non-bool <c>_external</c>, or <c>_method</c> (Flagon builds by endpoint only).
    /// </exception>
    [NeedsAppContext]
    public static string For(string endpoint, IReadOnlyDictionary<string, object?>? values = null, string? anchor = null, bool external = false)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var app = UrlContext.CurrentApp();
        if (endpoint.StartsWith('.'))
        {
            // Flask's relative endpoint: the current request's blueprint, or the app itself.
            endpoint = Contexts.CurrentScope.Blueprint is { } current ? current.Name + endpoint : endpoint[1..];
        }
        string? scheme = null;
        if (values is not null && HasFlaskKeyword(values))
        {
            (values, anchor, external, scheme) = TakeFlaskKeywords(values, anchor, external);
        }
        var urlValues = new UrlValues(endpoint, app.InjectUrlDefaults(endpoint, values ?? new Dictionary<string, object?>()));
        if (app.Router.Build(endpoint, urlValues, UrlContext.Root(app), anchor, external) is { } url)
        {
            // Flask's _scheme: the external URL with another scheme.
            return scheme is null ? url : string.Concat(scheme, url.AsSpan(url.IndexOf("://", StringComparison.Ordinal)));
        }
        var known = app.UrlMap.Select(r => r.Endpoint).Distinct().ToList();
        var suggestion = known.OrderBy(k => Distance(k, endpoint)).FirstOrDefault();
        throw new UrlBuildException(endpoint, suggestion is not null && Distance(suggestion, endpoint) <= Math.Max(2, endpoint.Length / 3)
            ? $"no such endpoint. Did you mean '{suggestion}'?"
            : "no such endpoint.");
    }

    /// <summary>
    /// <see cref="For(string, IReadOnlyDictionary{string, object?}?, string?, bool)"/> with the values of an object's
    /// properties (an anonymous object: <c>Url.For("page", new { pk = 1 })</c>), read with ASP.NET Core's
    /// <see cref="RouteValueDictionary"/>.
    /// </summary>
    [RequiresUnreferencedCode("Reads the properties of 'values' by reflection; pass a dictionary, or use the typed UrlFor, when trimming.")]
    [NeedsAppContext]
    public static string For(string endpoint, object values, string? anchor = null, bool external = false) =>
        For(endpoint, new RouteValueDictionary(values), anchor, external);

    // Flask's url_for keywords, given among the values as Flask code passes them (Url.For("page", new { pk = 1, _anchor = "top" })).
    private static bool HasFlaskKeyword(IReadOnlyDictionary<string, object?> values) =>
        values.ContainsKey("_anchor") || values.ContainsKey("_external") || values.ContainsKey("_scheme") || values.ContainsKey("_method");

    private static (IReadOnlyDictionary<string, object?> Values, string? Anchor, bool External, string? Scheme) TakeFlaskKeywords(
        IReadOnlyDictionary<string, object?> values, string? anchor, bool external)
    {
        var rest = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? scheme = null;
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "_anchor":
                    anchor = value is null ? anchor : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "_external":
                    external = value switch
                    {
                        null => external,
                        bool flag => flag,
                        _ => throw new ArgumentException($"'_external' is a bool (true or false), not '{value}'.", nameof(values)),
                    };
                    break;
                case "_scheme":
                    scheme = value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "_method":
                    throw new ArgumentException(
                        "Url.For does not choose a rule by method ('_method'): give the endpoint whose rule serves that method.", nameof(values));
                default:
                    rest[key] = value;
                    break;
            }
        }
        if (scheme is not null && !external)
        {
            // Flask: "When specifying '_scheme', '_external' must be True."
            throw new ArgumentException("When specifying '_scheme', '_external' must be true.", nameof(values));
        }
        return (rest, anchor, external, scheme);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
