using BenchmarkDotNet.Attributes;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flagon.Benchmarks;

/// <summary>
/// One request for the seed's Hello view through the whole Flagon runtime (request scope, dispatch, the view,
/// the implicit text/html response), against the same view as an ASP.NET Core minimal API endpoint through
/// UseRouting, each with a reused <see cref="DefaultHttpContext"/> whose body is a server-like pipe that drops the bytes (no sockets: the server is not measured).
/// </summary>
[MemoryDiagnoser]
public class HelloBenchmarks
{
    private App flagon = null!;
    // The apps' request delegates, made once (as the pipeline's are), not per call.
    private RequestDelegate flagonHandler = null!;
    private RequestDelegate hookedHandler = null!;
    private App hooked = null!;
    private WebApplication hookedWeb = null!;
    private DefaultHttpContext hookedContext = null!;
    private WebApplication flagonWeb = null!;
    private WebApplication aspNet = null!;
    private RequestDelegate aspNetPipeline = null!;
    private RequestDelegate flagonPipeline = null!;
    private DefaultHttpContext flagonContext = null!;
    private DefaultHttpContext flagonPipelineContext = null!;
    private DefaultHttpContext aspNetContext = null!;
    private DefaultHttpContext flagonResponseContext = null!;

    private sealed class BenchmarkApp() : App(["--urls", "http://127.0.0.1:0"], RouteTableRegistry.Tables);

    [GlobalSetup]
    public void Setup()
    {
        flagon = new BenchmarkApp();
        flagon.Config["Logging:LogLevel:Default"] = "None";
        flagonWeb = flagon.Build();
        flagonHandler = flagon.HandleRequestAsync;
        flagonContext = NewContext(flagonWeb.Services);
        flagonResponseContext = NewContext(flagonWeb.Services, "/hello-response");
        flagonPipeline = ((IApplicationBuilder)flagonWeb).Build();
        flagonPipelineContext = NewContext(flagonWeb.Services);

        // A second app, so that the hook of its blueprint touches no other benchmark.
        hooked = new BenchmarkApp();
        hooked.Config["Logging:LogLevel:Default"] = "None";
        hooked.RegisterBlueprint<HookedHello>();
        hookedWeb = hooked.Build();
        hookedHandler = hooked.HandleRequestAsync;
        hookedContext = NewContext(hookedWeb.Services, "/hooked/hello");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        aspNet = builder.Build();
        aspNet.UseRouting();
        aspNet.MapGet("/hello", static () => "Hello World!");
        aspNet.UseEndpoints(_ => { });
        aspNetPipeline = ((IApplicationBuilder)aspNet).Build();
        aspNetContext = NewContext(aspNet.Services);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        flagonWeb.DisposeAsync().AsTask().GetAwaiter().GetResult();
        hookedWeb.DisposeAsync().AsTask().GetAwaiter().GetResult();
        aspNet.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static DefaultHttpContext NewContext(IServiceProvider services, string path = "/hello")
    {
        var context = new DefaultHttpContext { RequestServices = services };
        // A body like a server's: what the views write is dropped, not kept in a stream.
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new DiscardingBody());
        context.Request.Method = "GET";
        context.Request.Path = path;
        return context;
    }

    /// <summary>The Hello view through <c>App.HandleRequestAsync</c>.</summary>
    [Benchmark]
    public Task<int> FlagonHello() => Run(flagonHandler, flagonContext);

    /// <summary>The Hello view returning a <see cref="Response"/> (text/plain) through <c>App.HandleRequestAsync</c>.</summary>
    [Benchmark]
    public Task<int> FlagonHelloResponse() => Run(flagonHandler, flagonResponseContext);

    /// <summary>
    /// The Hello view through the app's whole pipeline as Kestrel runs it: Flagon's routing middleware (match, set the
    /// ASP.NET Core endpoint), then the endpoint's delegate (the dispatch chain).
    /// </summary>
    [Benchmark]
    public Task<int> FlagonPipelineHello()
    {
        flagonPipelineContext.SetEndpoint(null);
        return Run(flagonPipeline, flagonPipelineContext);
    }

    /// <summary>The same view in a blueprint with an after-request hook that sets a header: the hook path.</summary>
    [Benchmark]
    public Task<int> FlagonHelloBehindAfterHook() => Run(hookedHandler, hookedContext);

    /// <summary><c>app.MapGet("/hello", () => "Hello World!")</c> through ASP.NET Core's routing pipeline.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> AspNetHello()
    {
        aspNetContext.SetEndpoint(null);
        aspNetContext.Request.RouteValues.Clear();
        return Run(aspNetPipeline, aspNetContext);
    }

    private static async Task<int> Run(RequestDelegate handler, DefaultHttpContext context)
    {
        context.Response.StatusCode = 200;
        await handler(context);
        return context.Response.StatusCode;
    }

    /// <summary>For the smoke check: the status and Content-Length each side answers.</summary>
    internal async Task<(int, long?, int, long?)> Answers()
    {
        int flagonStatus = await FlagonHello();
        long? flagonLength = flagonContext.Response.ContentLength;
        int aspNetStatus = await AspNetHello();
        return (flagonStatus, flagonLength, aspNetStatus, aspNetContext.Response.ContentLength);
    }

    /// <summary>For the smoke check: what the hooked view answers.</summary>
    internal async Task<(int, long?, string?)> HookedAnswer()
    {
        int status = await FlagonHelloBehindAfterHook();
        return (status, hookedContext.Response.ContentLength, hookedContext.Response.Headers["X-Hooked"].ToString());
    }
}
