using Flagon.Blueprints;
using Flagon.Dispatch;
using Flagon.Hosting;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Flagon;

// The app in its ASP.NET Core host: the middleware in front of its dispatch, its rules as ASP.NET Core endpoints,
// and becoming part of a larger host (AddFlagon / MapFlagon).
public partial class App
{
    private readonly List<Action<WebApplication>> middleware = [];

    // True when nothing runs between the server and the views (no middleware, so no routing middleware either): the
    // chain's match sets the endpoint, and no antiforgery verdict can be on the request.
    private bool servesWithoutMiddleware;

    /// <summary>
    /// Adds ASP.NET Core middleware (or endpoints) in front of Flagon's dispatch, where the app builds its host (Flask's
    /// <c>app.wsgi_app = Middleware(app.wsgi_app)</c>). The callbacks run when the app is built, in the order they were
    /// added, after Flagon's routing (so <c>context.GetEndpoint()</c> is the matched view's, with its <c>[Authorize]</c>,
    /// <c>[EnableCors]</c>, … metadata) and before the view.
    /// </summary>
    /// <example>
    /// <code>
    /// app.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
    /// app.Services.AddAuthorization();
    /// app.Use(web => { web.UseForwardedHeaders(); web.UseAuthentication(); web.UseAuthorization(); });
    /// </code>
    /// </example>
    /// <exception cref="InvalidOperationException">The app was already built.</exception>
    public App Use(Action<WebApplication> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (services is not null)
        {
            throw new InvalidOperationException("The app is already built: add middleware before Run(), Build() or TestClient().");
        }
        middleware.Add(configure);
        return this;
    }

    /// <summary>Builds the ASP.NET Core application that serves this app, without starting it.</summary>
    public WebApplication Build() => Build(before: null);

    /// <summary>Builds the host; <paramref name="before"/> adds middleware before Flagon's routing (a dispatcher's forwarding).</summary>
    internal WebApplication Build(Action<WebApplication>? before)
    {
        ConfigureDataProtection(builder.Services);
        var web = builder.Build();
        Attach(web.Services);
        if (Debug)
        {
            web.UseDeveloperExceptionPage();
        }
        before?.Invoke(web);
        if (before is null && middleware.Count == 0)
        {
            // Nothing runs between the server and the views: no routing middleware, the chain matches once and sets
            // the endpoint itself (for GetEndpoint() in views and hooks).
            servesWithoutMiddleware = true;
            web.Run(HandleRequestAsync);
            return web;
        }
        var router = new FlagonRouter();
        router.Add(PathString.Empty, this);
        // The rules are listed among the host's endpoints (for ASP.NET Core's tooling: OpenAPI, endpoint listings).
        ((IEndpointRouteBuilder)web).DataSources.Add(new FlagonEndpointDataSource(this));
        web.Use(router.Middleware);
        foreach (var configure in middleware)
        {
            configure(web);
        }
        web.Run(TerminalAsync);
        return web;
    }

    // The end of the app's own pipeline: the endpoint Flagon's routing (or ASP.NET Core's, for endpoints the user
    // mapped) chose, else Flagon's answer to a URL no rule took.
    private Task TerminalAsync(HttpContext context) =>
        context.GetEndpoint()?.RequestDelegate is { } endpoint ? endpoint(context) : HandleRequestAsync(context);

    /// <summary>
    /// The app becomes built in <paramref name="host"/>'s services (its own, or a larger host's it joined): its logger,
    /// and the settings read once.
    /// </summary>
    internal void Attach(IServiceProvider host)
    {
        services = host;
        applicationRoot = ReadApplicationRoot();
        sessionSettings = Sessions.SessionSettings.From(Config);
        Logger = host.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
    }

    /// <summary>How many service registrations the app's builder had before the user's: those after are the app's own.</summary>
    private int defaultServiceCount;

    private IServiceCollection? joinedServices;

    /// <summary>
    /// Joins a larger host (<c>builder.AddFlagon(app)</c>): the services registered on the app so far are added to the
    /// host's (later registrations on <see cref="Services"/> go there too), its settings become a configuration source
    /// of the host, and its Data Protection settings (key ring directory, application name) apply to the host.
    /// </summary>
    internal void Join(WebApplicationBuilder host)
    {
        if (joinedServices is not null || services is not null)
        {
            throw new InvalidOperationException("This app is already built or added to a host; an app joins one host, once.");
        }
        for (int i = defaultServiceCount; i < builder.Services.Count; i++)
        {
            host.Services.Add(builder.Services[i]);
        }
        host.Configuration.AddConfiguration(builder.Configuration);
        ConfigureDataProtection(host.Services);
        joinedServices = host.Services;
    }

    // ---- endpoints ----

    private RequestDelegate? endpointDelegate;

    /// <summary>The prefix <c>MapFlagon</c> mapped the app under in a larger host (empty at the root or in its own host).</summary>
    internal PathString MappedPrefix { get; set; }
    private Endpoint[][] appEndpoints = [];
    private readonly object endpointsGate = new();

    /// <summary>What the app's endpoints run: the app's request delegate, or the mount's that moves its prefix to PathBase.</summary>
    internal RequestDelegate EndpointDelegate
    {
        get => endpointDelegate ?? HandleRequestAsync;
        set => endpointDelegate = value;
    }

    /// <summary>
    /// Sets the endpoint of the rule <paramref name="path"/> (the request's path under the app's mount) matches, for the
    /// middleware after Flagon's routing. The dispatch chain matches again when it runs (as cheap as this, and it sees
    /// a path that middleware rewrote): keeping the match on the request would cost a feature, which makes ASP.NET Core
    /// fetch every other feature again.
    /// </summary>
    internal void Route(HttpContext context, string path)
    {
        var route = default(RequestRoute);
        Match(path, context.Request.Method, ref route);
        if (route.Table is not null)
        {
            context.SetEndpoint(EndpointFor(route.Table, route.Blueprint, route.RuleIndex));
        }
        else if (route.Details?.Allowed is not null && HttpMethods.IsOptions(context.Request.Method)
            && context.Request.Headers.AccessControlRequestMethod is { Count: > 0 } requested)
        {
            // A CORS preflight: the endpoint the real request would reach, so that the CORS middleware answers with its policy.
            var preflight = default(RequestRoute);
            Match(path, requested.ToString().ToUpperInvariant(), ref preflight);
            if (preflight.Table is not null)
            {
                context.SetEndpoint(EndpointFor(preflight.Table, preflight.Blueprint, preflight.RuleIndex));
            }
        }
    }

    /// <summary>The ASP.NET Core endpoint of a rule of a table, as mounted (built once per table and mount).</summary>
    private Endpoint EndpointFor(RouteTable table, BlueprintMount? mount, int rule)
    {
        if (mount is not null)
        {
            return (Volatile.Read(ref mount.Endpoints) ?? BlueprintEndpoints(table, mount))[rule];
        }
        var current = router.Tables;
        var built = Volatile.Read(ref appEndpoints);
        for (int i = 0; i < current.Length; i++)
        {
            if (ReferenceEquals(current[i], table))
            {
                if (i < built.Length && built[i] is { } endpoints)
                {
                    return endpoints[rule];
                }
                lock (endpointsGate)
                {
                    var grown = new Endpoint[current.Length][];
                    Array.Copy(appEndpoints, grown, Math.Min(appEndpoints.Length, grown.Length));
                    grown[i] ??= BuildEndpoints(table, null);
                    Volatile.Write(ref appEndpoints, grown);
                    return grown[i][rule];
                }
            }
        }
        throw new InvalidOperationException("The matched table is not one of the app's.");
    }

    // Apart from EndpointFor: a lambda there would make its closure on every call, built or not.
    private Endpoint[] BlueprintEndpoints(RouteTable table, BlueprintMount mount) =>
        LazyInitializer.EnsureInitialized(ref mount.Endpoints, () => BuildEndpoints(table, mount));

    private Endpoint[] BuildEndpoints(RouteTable table, BlueprintMount? mount)
    {
        var endpoints = new Endpoint[table.Rules.Count];
        for (int i = 0; i < endpoints.Length; i++)
        {
            var rule = table.Rules[i];
            string name = mount is null ? rule.Endpoint : $"{mount.Name}.{rule.Endpoint}";
            string pattern = (mount?.Prefix ?? string.Empty) + rule.Pattern;
            var metadata = new List<object>(table.EndpointMetadata(i))
            {
                new RuleMetadata(name, pattern, rule.Methods, mount?.Name, Name) { PathBase = MappedPrefix.Value ?? string.Empty },
                new EndpointNameMetadata(name),
                new HttpMethodMetadata(rule.Methods, acceptCorsPreflight: true),
            };
            endpoints[i] = new Endpoint(EndpointDelegate, new EndpointMetadataCollection(metadata), $"{name} ({pattern})");
        }
        return endpoints;
    }

    /// <summary>Every rule's endpoint: the blueprints' as mounted, then the app's own (for <see cref="FlagonEndpointDataSource"/>).</summary>
    internal IReadOnlyList<Endpoint> AllEndpoints()
    {
        var all = new List<Endpoint>();
        foreach (var mount in router.MountsByPrefix)
        {
            for (int i = 0; i < mount.Table.Rules.Count; i++)
            {
                all.Add(EndpointFor(mount.Table, mount, i));
            }
        }
        foreach (var table in router.Tables)
        {
            for (int i = 0; i < table.Rules.Count; i++)
            {
                if (router.Serves(table.Rules[i]))
                {
                    all.Add(EndpointFor(table, null, i));
                }
            }
        }
        return all;
    }
}
