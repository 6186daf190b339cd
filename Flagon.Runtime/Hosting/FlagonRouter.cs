using Microsoft.AspNetCore.Http;

namespace Flagon.Hosting;

/// <summary>
/// Flagon's routing middleware (what <c>UseRouting</c> is to ASP.NET Core's endpoints): matches the request against
/// the apps mounted in this host, longest prefix first, keeps the match for the dispatch chain, and sets the matched
/// rule's ASP.NET Core endpoint, so that the authorization, CORS, rate-limiting, antiforgery and output-cache
/// middleware after it see the view's metadata. A request that already has an endpoint is left alone.
/// </summary>
internal sealed class FlagonRouter
{
    private (PathString Prefix, App App)[] mounts = [];
    private readonly HashSet<App> joined = [];

    /// <summary>Apps added to this host with <c>AddFlagon</c>: they share its services.</summary>
    public bool IsJoined(App app)
    {
        lock (joined)
        {
            return joined.Contains(app);
        }
    }

    public void Join(App app)
    {
        lock (joined)
        {
            joined.Add(app);
        }
    }

    /// <summary>Mounts <paramref name="app"/> at <paramref name="prefix"/> (empty for the root).</summary>
    /// <exception cref="InvalidOperationException">An app is already mounted there.</exception>
    public void Add(PathString prefix, App app)
    {
        lock (joined)
        {
            if (mounts.Any(m => m.Prefix.Equals(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"A Flagon app is already mapped at '{(prefix.HasValue ? prefix.Value : "/")}'; map each app at its own prefix.");
            }
            mounts = [.. mounts.Append((Prefix: prefix, App: app)).OrderByDescending(m => m.Prefix.Value?.Length ?? 0)];
        }
    }

    /// <summary>The middleware.</summary>
    public RequestDelegate Middleware(RequestDelegate next) => context =>
    {
        Route(context);
        return next(context);
    };

    private void Route(HttpContext context)
    {
        if (context.GetEndpoint() is not null)
        {
            return;
        }
        var path = context.Request.Path;
        foreach (var (prefix, app) in mounts)
        {
            if (!prefix.HasValue)
            {
                app.Route(context, path.Value ?? string.Empty);
                return;
            }
            if (path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest))
            {
                app.Route(context, rest.Value ?? string.Empty);
                return;
            }
        }
    }
}
