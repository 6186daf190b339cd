using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Flagon;

/// <summary>
/// Serves several apps in one server under path prefixes: Werkzeug's <c>DispatcherMiddleware</c> (the seed's
/// slide 37). A request goes to the app with the longest prefix it lies under, with the prefix moved to PathBase,
/// so that each app's URLs (UrlFor, redirects) carry its mount path; anything else goes to the main app.
/// </summary>
/// <example>
/// <code>
/// var dispatcher = new Dispatcher(frontend, new Dictionary&lt;string, App&gt; { ["/backend"] = backend });
/// dispatcher.Run(args);
/// </code>
/// </example>
public sealed class Dispatcher
{
    private readonly App main;
    private readonly (PathString Prefix, App App)[] mounts;

    /// <summary>Dispatches to <paramref name="mounts"/> by prefix, and to <paramref name="main"/> otherwise.</summary>
    public Dispatcher(App main, IReadOnlyDictionary<string, App> mounts)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(mounts);
        this.main = main;
        this.mounts = [.. mounts
            .Select(m => (Prefix: new PathString("/" + m.Key.Trim('/')), m.Value))
            .OrderByDescending(m => m.Prefix.Value!.Length)];
    }

    /// <summary>The request delegate: hands the request to the app whose prefix it lies under.</summary>
    public Task HandleRequestAsync(HttpContext context)
    {
        foreach (var (prefix, app) in mounts)
        {
            if (context.Request.Path.StartsWithSegments(prefix, out var rest))
            {
                return Forward(context, app, prefix, rest);
            }
        }
        return main.HandleRequestAsync(context);
    }

    private static async Task Forward(HttpContext context, App app, PathString prefix, PathString rest)
    {
        var request = context.Request;
        var (pathBase, path) = (request.PathBase, request.Path);
        request.PathBase = pathBase.Add(prefix);
        request.Path = rest;
        try
        {
            await app.HandleRequestAsync(context);
        }
        finally
        {
            (request.PathBase, request.Path) = (pathBase, path);
        }
    }

    /// <summary>Serves the dispatcher on Kestrel (the main app's configuration decides the address) until stopped.</summary>
    public void Run() => main.Run(HandleRequestAsync);
}

/// <summary>Mounting a Flagon app inside an ASP.NET Core app.</summary>
public static class FlagonApplicationBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="app"/> under <paramref name="prefix"/> of an ASP.NET Core pipeline
    /// (<c>web.MapFlagon("/backend", backend)</c>); ASP.NET Core moves the prefix to PathBase, which the app's URLs keep.
    /// </summary>
    public static IApplicationBuilder MapFlagon(this IApplicationBuilder builder, PathString prefix, App app) =>
        builder.Map(prefix, branch => branch.Run(app.HandleRequestAsync));
}
