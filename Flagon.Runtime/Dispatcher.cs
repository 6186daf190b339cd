using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon;

/// <summary>
/// Serves several apps in one server under path prefixes: Werkzeug's <c>DispatcherMiddleware</c> (the seed's
/// slide 37). Each app is fully built with its own services, settings, logger, middleware and keys, as separate Flask
/// apps are. A request goes to the app with the longest prefix it lies under, with the prefix moved to PathBase (so
/// that each app's URLs carry its mount path) and the app's own services; anything else goes to the main app.
/// </summary>
/// <example>
/// <code>
/// var dispatcher = new Dispatcher(frontend, new Dictionary&lt;string, App&gt; { ["/backend"] = backend });
/// dispatcher.Run();
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

    /// <summary>Builds the main app's host with the mounted apps in front of it, without starting it.</summary>
    public WebApplication Build()
    {
        var forwards = mounts.Select(m => (m.Prefix, Forward: MountedApp.Build(m.App))).ToArray();
        var web = main.Build(before: web => web.Use(next => context =>
        {
            foreach (var (prefix, forward) in forwards)
            {
                if (context.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest))
                {
                    return forward.InvokeAsync(context, prefix, rest);
                }
            }
            return next(context);
        }));
        web.Lifetime.ApplicationStopped.Register(() =>
        {
            foreach (var (_, forward) in forwards)
            {
                forward.Dispose();
            }
        });
        return web;
    }

    /// <summary>Serves the dispatcher on Kestrel (the main app's configuration decides the address) until stopped.</summary>
    public void Run()
    {
        using var web = Build();
        web.Run();
    }
}

/// <summary>An app built on its own (its services, settings, middleware), reached through another host's pipeline.</summary>
internal sealed class MountedApp : IDisposable
{
    private readonly WebApplication web;
    private readonly RequestDelegate pipeline;

    private MountedApp(WebApplication web)
    {
        this.web = web;
        pipeline = ((IApplicationBuilder)web).Build();
    }

    public static MountedApp Build(App app) => new(app.Build());

    /// <summary>Runs the app's pipeline for a request under <paramref name="prefix"/>, with the prefix in PathBase and the app's services.</summary>
    public async Task InvokeAsync(HttpContext context, PathString prefix, PathString rest)
    {
        var request = context.Request;
        var (pathBase, path, services) = (request.PathBase, request.Path, context.RequestServices);
        await using var scope = web.Services.CreateAsyncScope();
        request.PathBase = pathBase.Add(prefix);
        request.Path = rest;
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await pipeline(context);
        }
        finally
        {
            (request.PathBase, request.Path, context.RequestServices) = (pathBase, path, services);
        }
    }

    public void Dispose() => ((IDisposable)web).Dispose();
}
