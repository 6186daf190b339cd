using System.ComponentModel;
using Flagon.Contexts;
using Microsoft.AspNetCore.Http;

namespace Flagon.Routing;

/// <summary>
/// What URL building needs from the current app and request: the mount prefix (PathBase or APPLICATION_ROOT,
/// then the blueprint's run-time prefix) and, for external URLs, the origin. Used by generated UrlFor code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UrlContext
{
    /// <summary>A static endpoint's URL under one prefix, kept so that building it again allocates nothing.</summary>
    public sealed class CachedUrl(string prefix, string url)
    {
        /// <summary>The prefix it was built under.</summary>
        public string Prefix { get; } = prefix;

        /// <summary>The URL.</summary>
        public string Url { get; } = url;
    }

    /// <summary>
    /// The app URLs are built for: the current one, inside a request or <c>app.AppContext()</c>. Like Flask's
    /// <c>url_for</c>, building outside both is an error (FLG0202 reports it at build time).
    /// </summary>
    public static App CurrentApp() =>
        CurrentScope.App ?? throw new InvalidOperationException(
            "Working outside of application context: building a URL needs an app. Inside a request it is the request's; " +
            "elsewhere push one first with 'using (app.AppContext()) { ... }'.");

    /// <summary>
    /// The mount point of the app as URLs write it (percent-encoded): the request's PathBase inside a request, else
    /// the app's APPLICATION_ROOT.
    /// </summary>
    public static string Root(App app) =>
        CurrentScope.Request is { } request ? request.Request.PathBase.ToUriComponent() : Generators.Shared.UrlQuoting.QuotePath(app.ApplicationRoot);

    /// <summary>
    /// The path prefix of the endpoints of the blueprint declared as <paramref name="blueprint"/> (null for the
    /// app's own views): the app's root, then where the blueprint is mounted.
    /// </summary>
    public static string Prefix(string? blueprint)
    {
        var app = CurrentApp();
        string root = Root(app);
        if (blueprint is null)
        {
            return root;
        }
        var mount = app.FindMount(blueprint)
            ?? throw new InvalidOperationException($"The blueprint '{blueprint}' is not registered on the app '{app.Name}': call app.RegisterBlueprint first.");
        return root.Length == 0 ? mount.UrlPrefix : mount.UrlPrefix.Length == 0 ? root : string.Concat(root, mount.UrlPrefix);
    }

    /// <summary>The URL of a static rule under <paramref name="prefix"/>, cached in <paramref name="cache"/>.</summary>
    public static string Static(ref CachedUrl? cache, string prefix, string path)
    {
        if (prefix.Length == 0)
        {
            return path;
        }
        var cached = Volatile.Read(ref cache);
        if (cached is not null && string.Equals(cached.Prefix, prefix, StringComparison.Ordinal))
        {
            return cached.Url;
        }
        cached = new CachedUrl(prefix, string.Concat(prefix, path));
        Volatile.Write(ref cache, cached);
        return cached.Url;
    }

    /// <summary>Starts a URL: the origin when <paramref name="external"/>, then <paramref name="prefix"/>.</summary>
    public static void Begin(ref UrlWriter writer, string prefix, bool external)
    {
        if (external)
        {
            writer.AppendLiteral(Origin());
        }
        writer.AppendLiteral(prefix);
    }

    /// <summary>Ends a URL: extra values as the query string, then the anchor.</summary>
    public static string End(ref UrlWriter writer, IEnumerable<KeyValuePair<string, string?>>? query, string? anchor)
    {
        if (query is not null)
        {
            bool first = true;
            foreach (var (key, value) in query)
            {
                writer.AppendQuery(key, value, first);
                first = false;
            }
        }
        if (anchor is not null)
        {
            writer.AppendAnchor(anchor);
        }
        return writer.ToStringAndClear();
    }

    /// <summary>
    /// The scheme and host of external URLs: the app's PUBLIC_ORIGIN when configured (right behind a proxy),
    /// else the current request's, else SERVER_NAME with PREFERRED_URL_SCHEME (Flask's settings).
    /// </summary>
    public static string Origin()
    {
        var app = CurrentApp();
        if (app.Config["PUBLIC_ORIGIN"] is { Length: > 0 } origin)
        {
            return origin.TrimEnd('/');
        }
        if (CurrentScope.Request is { } request)
        {
            return $"{request.Request.Scheme}://{request.Request.Host.ToUriComponent()}";
        }
        if (app.Config["SERVER_NAME"] is { Length: > 0 } server)
        {
            var scheme = app.Config["PREFERRED_URL_SCHEME"] is { Length: > 0 } preferred ? preferred : "http";
            return $"{scheme}://{server}";
        }
        throw new InvalidOperationException(
            "Building an external URL outside a request needs the app's origin: set PUBLIC_ORIGIN (e.g. https://example.com) or SERVER_NAME in its configuration.");
    }
}
