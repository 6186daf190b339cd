using Flagon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flagon;

/// <summary>
/// Flagon apps as parts of an ASP.NET Core host: <c>builder.AddFlagon(app)</c>, then <c>web.MapFlagon(app)</c> or
/// <c>web.MapFlagon("/backend", backend)</c>.
/// </summary>
/// <example>
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddFlagon(app);                 // the app's services, settings and keys join the host
/// builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
/// builder.Services.AddAuthorization();
/// var web = builder.Build();
/// web.UseAuthentication();
/// web.UseAuthorization();
/// web.MapFlagon(app);                     // its views answer at the root; unmatched URLs get its 404
/// web.MapHealthChecks("/healthz");
/// web.Run();
/// </code>
/// </example>
public static class FlagonHostExtensions
{
    /// <summary>
    /// Adds <paramref name="app"/> to the host: the services registered on <see cref="App.Services"/> (and those
    /// registered there later) join the host's, the app's settings become one of the host's configuration sources, and
    /// its Data Protection settings (<c>DATA_PROTECTION_KEYS</c>, the application name) protect the host's cookies.
    /// Flagon's routing goes at the start of the host's pipeline, so that ASP.NET Core's middleware sees the matched
    /// view's endpoint. Map the app with <see cref="MapFlagon(WebApplication, App)"/>.
    /// </summary>
    public static WebApplicationBuilder AddFlagon(this WebApplicationBuilder builder, App app)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(app);
        app.Join(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(FlagonRouter)))
        {
            var router = new FlagonRouter();
            builder.Services.AddSingleton(router);
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter>(new FlagonStartupFilter(router)));
        }
        ((FlagonRouter)builder.Services.First(d => d.ServiceType == typeof(FlagonRouter)).ImplementationInstance!).Join(app);
        return builder;
    }

    /// <summary>Maps an app added with <see cref="AddFlagon"/> at the root of the host.</summary>
    public static WebApplication MapFlagon(this WebApplication web, App app) => web.MapFlagon(string.Empty, app);

    /// <summary>
    /// Maps an app added with <see cref="AddFlagon"/> under <paramref name="prefix"/> (empty for the root): its rules
    /// become endpoints of the host (listed by its <see cref="EndpointDataSource"/>s) with their metadata, answered by
    /// the app's dispatch chain with the prefix in PathBase; a URL under the prefix that no rule and no other endpoint
    /// takes gets the app's 404 (or 405, or slash redirect).
    /// </summary>
    /// <exception cref="InvalidOperationException">The app was not added to this host's builder, or the prefix is taken.</exception>
    public static WebApplication MapFlagon(this WebApplication web, string prefix, App app)
    {
        ArgumentNullException.ThrowIfNull(web);
        ArgumentNullException.ThrowIfNull(app);
        var router = web.Services.GetService<FlagonRouter>();
        if (router is null || !router.IsJoined(app))
        {
            throw new InvalidOperationException(
                "Add the app to the host's builder before mapping it: builder.AddFlagon(app), so that its services, settings and keys join the host.");
        }
        var mount = new PathString(prefix.Length == 0 || prefix == "/" ? string.Empty : "/" + prefix.Trim('/'));
        app.Attach(web.Services);
        app.MappedPrefix = mount;
        RequestDelegate dispatch = mount.HasValue ? context => ForwardAsync(context, mount, app) : app.HandleRequestAsync;
        app.EndpointDelegate = dispatch;
        router.Add(mount, app);
        ((IEndpointRouteBuilder)web).DataSources.Add(new FlagonEndpointDataSource(app));
        // The URLs under the prefix that nothing matched reach the app, for its 404, 405 or redirect.
        web.MapFallback(mount.HasValue ? mount.Value + "/{**path}" : "{**path}", dispatch);
        if (mount.HasValue)
        {
            web.MapFallback(mount.Value!, dispatch);
        }
        return web;
    }

    /// <summary>
    /// Serves <paramref name="app"/> under <paramref name="prefix"/> of any ASP.NET Core pipeline, built on its own
    /// (its services, settings, middleware and keys), as <see cref="Dispatcher"/> mounts apps.
    /// </summary>
    public static IApplicationBuilder MapFlagon(this IApplicationBuilder builder, PathString prefix, App app)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(app);
        var mounted = MountedApp.Build(app);
        return builder.Use(next => context =>
            context.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest)
                ? mounted.InvokeAsync(context, prefix, rest)
                : next(context));
    }

    private static async Task ForwardAsync(HttpContext context, PathString prefix, App app)
    {
        var request = context.Request;
        var (pathBase, path) = (request.PathBase, request.Path);
        if (path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest))
        {
            request.PathBase = pathBase.Add(prefix);
            request.Path = rest;
        }
        try
        {
            await app.HandleRequestAsync(context);
        }
        finally
        {
            (request.PathBase, request.Path) = (pathBase, path);
        }
    }
}
