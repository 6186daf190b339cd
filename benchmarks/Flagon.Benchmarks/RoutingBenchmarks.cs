using BenchmarkDotNet.Attributes;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Flagon.Benchmarks;

/// <summary>
/// The GitHub API route set (203 routes), matched by Flagon's generated table and by ASP.NET Core's endpoint
/// routing, side by side in one run. "All" benchmarks do every route once per operation.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private GitHubRoute[] routes = [];
    private RouteTable table = null!;
    private App flagon = null!;
    private WebApplication flagonWeb = null!;
    private WebApplication aspNet = null!;
    private RequestDelegate aspNetPipeline = null!;
    private DefaultHttpContext[] aspNetContexts = [];
    private DefaultHttpContext[] flagonContexts = [];
    private DefaultHttpContext[] flagonServerContexts = [];
    private DefaultHttpContext[] aspNetServerContexts = [];
    private RequestDelegate flagonPipeline = null!;

    private sealed class BenchmarkApp() : App(["--urls", "http://127.0.0.1:0"], RouteTableRegistry.Tables);

    [GlobalSetup]
    public void Setup()
    {
        routes = [.. GitHubRoute.Load()];
        table = RouteTableRegistry.Tables.Single();

        flagon = new BenchmarkApp();
        flagon.Config["Logging:LogLevel:Default"] = "None";
        flagonWeb = flagon.Build();
        flagonContexts = [.. routes.Select(r => NewContext(r, flagonWeb.Services))];
        flagonServerContexts = [.. routes.Select(r => NewContext(r, flagonWeb.Services, serverShaped: true))];
        flagonPipeline = ((IApplicationBuilder)flagonWeb).Build();

        // A minimal endpoint-routing pipeline with the same 203 routes; each endpoint sets the same headers a
        // Flagon view's empty string response does, and writes nothing.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        aspNet = builder.Build();
        aspNet.UseRouting();
        foreach (var route in routes)
        {
            aspNet.MapMethods(route.AspNetPattern, [route.Method], static context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            }).WithDisplayName(route.AspNetPattern);
        }
        aspNet.UseEndpoints(_ => { });
        aspNetPipeline = ((IApplicationBuilder)aspNet).Build();
        aspNetContexts = [.. routes.Select(r => NewContext(r, aspNet.Services))];
        aspNetServerContexts = [.. routes.Select(r => NewContext(r, aspNet.Services, serverShaped: true))];
        aspNetMatch = AspNetMatcher(aspNet);
    }

    /// <summary>
    /// The UrlFor benchmarks build inside this app's context, as a view would: pushed once, not per call, and only for
    /// them (a request on a server starts outside any context; one pushed around it would make it a nested one).
    /// </summary>
    [GlobalSetup(Targets = [nameof(UrlForStatic), nameof(UrlForParams)])]
    public void SetupInAppContext()
    {
        Setup();
        appContext = flagon.AppContext();
    }

    private IDisposable? appContext;

    [GlobalCleanup]
    public void Cleanup()
    {
        appContext?.Dispose();
        flagonWeb.DisposeAsync().AsTask().GetAwaiter().GetResult();
        aspNet.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private Func<HttpContext, Task> aspNetMatch = null!;

    /// <summary>
    /// ASP.NET Core's matcher alone (its internal <c>DfaMatcher</c>, made by its internal <c>MatcherFactory</c> from the
    /// app's endpoints, as the routing middleware makes it), reached by reflection once; the benchmark calls it directly.
    /// </summary>
    private static Func<HttpContext, Task> AspNetMatcher(WebApplication web)
    {
        var routing = typeof(Microsoft.AspNetCore.Routing.RouteEndpoint).Assembly;
        var factoryType = routing.GetType("Microsoft.AspNetCore.Routing.Matching.MatcherFactory", throwOnError: true)!;
        var factory = web.Services.GetService(factoryType) ?? throw new InvalidOperationException("no MatcherFactory");
        var dataSource = new Microsoft.AspNetCore.Routing.CompositeEndpointDataSource(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)web).DataSources);
        var matcher = factoryType.GetMethod("CreateMatcher")!.Invoke(factory, [dataSource])!;
        var matchAsync = matcher.GetType().GetMethod("MatchAsync", [typeof(HttpContext)])!;
        return matchAsync.CreateDelegate<Func<HttpContext, Task>>(matcher);
    }

    // serverShaped: the features held in fields, as Kestrel holds them (ServerShapedFeatures); otherwise
    // DefaultHttpContext's own collection, a dictionary.
    private static DefaultHttpContext NewContext(GitHubRoute route, IServiceProvider services, bool serverShaped = false)
    {
        DefaultHttpContext context;
        if (serverShaped)
        {
            context = new DefaultHttpContext(new ServerShapedFeatures(new DiscardingBody())) { RequestServices = services };
        }
        else
        {
            context = new DefaultHttpContext { RequestServices = services };
            // A body like a server's: what the views write is dropped, not kept in a stream.
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new DiscardingBody());
        }
        context.Request.Method = route.Method;
        context.Request.Path = route.Path;
        return context;
    }

    /// <summary>Flagon's generated matcher, one static path.</summary>
    [Benchmark]
    public MatchStatus FlagonMatchStatic() => table.Match("/user/repos", "GET").Status;

    /// <summary>Flagon's generated matcher, one path with three parameters.</summary>
    [Benchmark]
    public MatchStatus FlagonMatchParams() => table.Match("/repos/julienschmidt/httprouter/stargazers", "GET").Status;

    /// <summary>Flagon's generated matcher over all 203 routes.</summary>
    [Benchmark]
    public int FlagonMatchAll()
    {
        int matched = 0;
        foreach (var route in routes)
        {
            if (table.Match(route.Path, route.Method).Status == MatchStatus.Matched)
            {
                matched++;
            }
        }
        return matched;
    }

    /// <summary>
    /// ASP.NET Core's matcher alone (<c>DfaMatcher.MatchAsync</c>, which sets the endpoint and the route values on the
    /// request) over all 203 routes: the like-for-like baseline of <see cref="FlagonMatchAll"/>.
    /// </summary>
    [Benchmark]
    public async Task<int> AspNetMatcherAll()
    {
        int matched = 0;
        foreach (var context in aspNetContexts)
        {
            context.SetEndpoint(null);
            await aspNetMatch(context);
            if (context.GetEndpoint() is not null)
            {
                matched++;
            }
        }
        return matched;
    }

    /// <summary>Flagon's request delegate (match, bind, call the view, write its response) over all 203 routes.</summary>
    [Benchmark]
    public async Task FlagonDelegateAll()
    {
        foreach (var context in flagonContexts)
        {
            await flagon.HandleRequestAsync(context);
        }
    }

    /// <summary>
    /// <see cref="FlagonDelegateAll"/> over requests whose features are held as Kestrel holds them
    /// (<see cref="ServerShapedFeatures"/>): setting and reading the endpoint is a field, not a dictionary lookup.
    /// </summary>
    [Benchmark]
    public async Task FlagonDelegateAllServerFeatures()
    {
        foreach (var context in flagonServerContexts)
        {
            await flagon.HandleRequestAsync(context);
        }
    }

    /// <summary>
    /// What <see cref="FlagonDelegateAllServerFeatures"/> answered, for the smoke check: each route's status and the
    /// endpoint name its request carries, after one run.
    /// </summary>
    internal async Task<List<(GitHubRoute Route, int Status, string? Endpoint)>> FlagonServerFeaturesAnswersAsync()
    {
        foreach (var context in flagonServerContexts)
        {
            context.SetEndpoint(null);
        }
        await FlagonDelegateAllServerFeatures();
        return [.. routes.Select((r, i) => (r, flagonServerContexts[i].Response.StatusCode, flagonServerContexts[i].GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName))];
    }

    /// <summary>
    /// What each route's request allocates through <see cref="FlagonDelegateAll"/>, after a warm-up (the <c>--alloc</c>
    /// look at where the bytes go; BenchmarkDotNet gives only the total).
    /// </summary>
    internal async Task<List<(string Route, long Bytes)>> FlagonDelegateBytesPerRouteAsync()
    {
        await FlagonDelegateAll();
        var bytes = new List<(string, long)>();
        for (int i = 0; i < flagonContexts.Length; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 100; n++)
            {
                await flagon.HandleRequestAsync(flagonContexts[i]);
            }
            bytes.Add(($"{routes[i].Method} {routes[i].Path}", (GC.GetAllocatedBytesForCurrentThread() - before) / 100));
        }
        return bytes;
    }

    /// <summary>
    /// The app's whole pipeline over all 203 routes, as Kestrel runs it: Flagon's routing middleware (match, set the
    /// ASP.NET Core endpoint), then the endpoint's delegate. The like-for-like comparison with <see cref="AspNetRoutingAll"/>.
    /// </summary>
    [Benchmark]
    public async Task FlagonPipelineAll()
    {
        foreach (var context in flagonContexts)
        {
            context.SetEndpoint(null);
            await flagonPipeline(context);
        }
    }

    /// <summary>
    /// The generated table's match, bind, call and write over all 203 routes, without the app's request scope
    /// (the AsyncLocal context that Request, UrlFor and the hooks rely on): what the scope costs is the
    /// difference from <see cref="FlagonDelegateAll"/>.
    /// </summary>
    [Benchmark]
    public async Task FlagonTableInvokeAll()
    {
        foreach (var context in flagonContexts)
        {
            var path = context.Request.Path.Value!;
            var match = table.Match(path, context.Request.Method);
            await table.InvokeAsync(context, path, match);
        }
    }

    /// <summary>ASP.NET Core's endpoint routing pipeline (UseRouting + endpoint) over all 203 routes.</summary>
    [Benchmark(Baseline = true)]
    public async Task AspNetRoutingAll()
    {
        foreach (var context in aspNetContexts)
        {
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            await aspNetPipeline(context);
        }
    }

    /// <summary><see cref="AspNetRoutingAll"/> over requests whose features are held as Kestrel holds them.</summary>
    [Benchmark]
    public async Task AspNetRoutingAllServerFeatures()
    {
        foreach (var context in aspNetServerContexts)
        {
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            await aspNetPipeline(context);
        }
    }

    /// <summary>For the smoke check: the endpoint ASP.NET Core's routing chose for each route over server-shaped features.</summary>
    internal async Task<List<string?>> AspNetServerFeaturesEndpointsAsync()
    {
        await AspNetRoutingAllServerFeatures();
        return [.. aspNetServerContexts.Select(c => c.GetEndpoint()?.DisplayName)];
    }

    /// <summary>Typed UrlFor for a static endpoint (a cached string).</summary>
    [Benchmark]
    [NeedsAppContext]
    public string UrlForStatic() => UrlFor.GetUserRepos();

    /// <summary>Typed UrlFor for an endpoint with three values.</summary>
    [Benchmark]
    [NeedsAppContext]
    public string UrlForParams() => UrlFor.GetReposOwnerRepoStargazers(owner: "julienschmidt", repo: "httprouter");

    /// <summary>For the smoke check: which endpoint ASP.NET Core's routing chose for a route's path.</summary>
    internal async Task<string?> AspNetEndpointFor(GitHubRoute route)
    {
        var context = NewContext(route, aspNet.Services);
        await aspNetPipeline(context);
        return context.GetEndpoint()?.DisplayName;
    }
}
