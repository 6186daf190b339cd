using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flagon.Runtime.Tests;

/// <summary>
/// The seed's slides 35 and 37: an app factory making two apps with their own config, served together by a
/// Dispatcher under prefixes, or mounted in an ASP.NET Core app; each app builds its URLs under its mount path.
/// </summary>
public class DispatcherTests
{
    private sealed class FactoryApp(string[] args) : App(args, RouteTableRegistry.Tables);

    // Flask's create_app(name, settings): a new app per call, with its own configuration.
    private static App CreateApp(string name, string greeting) =>
        new FactoryApp(["--applicationName", name, "--GREETING", greeting]).RegisterBlueprint<AdminBlueprint>();

    private static async Task<(int Status, string Body, string? Location)> SendAsync(RequestDelegate handler, string path)
    {
        var response = await InProcess.SendAsync(handler, "GET", path);
        return (response.Status, response.Body, response.Header("Location"));
    }

    [Fact]
    public async Task Two_apps_from_one_factory_served_under_prefixes()
    {
        var frontend = CreateApp("frontend", "hi");
        var backend = CreateApp("backend", "hello");
        var dispatcher = new Dispatcher(frontend, new Dictionary<string, App> { ["/backend"] = backend });
        await using var web = dispatcher.Build();
        var pipeline = ((IApplicationBuilder)web).Build();

        var front = await SendAsync(pipeline, "/admin/links");
        var back = await SendAsync(pipeline, "/backend/admin/links");
        var redirect = await SendAsync(pipeline, "/backend/docs");

        Assert.Equal("/admin/users/5 /admin/ / /", front.Body);
        Assert.Equal("/backend/admin/users/5 /backend/admin/ /backend/ /backend/", back.Body);
        Assert.Equal((308, "/backend/docs/"), (redirect.Status, redirect.Location));
        Assert.Equal("hello", backend.Config["GREETING"]);
        Assert.Equal("hi", frontend.Config["GREETING"]);
    }

    [Fact]
    public async Task A_flagon_app_mounted_inside_an_aspnet_core_app_keeps_its_path_base()
    {
        var backend = CreateApp("backend", "hello");
        await using var host = WebApplication.CreateSlimBuilder().Build();
        ((IApplicationBuilder)host).MapFlagon("/backend", backend);
        host.Run(context => context.Response.WriteAsync("aspnet"));
        var pipeline = ((IApplicationBuilder)host).Build();

        var mounted = await SendAsync(pipeline, "/backend/admin/links");
        var other = await SendAsync(pipeline, "/elsewhere");

        Assert.Equal("/backend/admin/users/5 /backend/admin/ /backend/ /backend/", mounted.Body);
        Assert.Equal("aspnet", other.Body);
    }

    [Fact]
    public async Task A_dispatched_app_is_fully_built_its_logger_logs_its_views_exceptions_and_its_services_are_its_own()
    {
        var frontend = CreateApp("frontend", "hi");
        var backend = CreateApp("backend", "hello");
        var logs = new CapturedLogs();
        backend.Services.AddLogging(logging => logging.AddProvider(logs));
        backend.Services.AddSingleton(new Greeter());
        var dispatcher = new Dispatcher(frontend, new Dictionary<string, App> { ["/backend"] = backend });
        await using var web = dispatcher.Build();
        var pipeline = ((IApplicationBuilder)web).Build();

        var failed = await SendAsync(pipeline, "/backend/admin/fail");
        var greeted = await SendAsync(pipeline, "/backend/greet/ada");

        Assert.Equal(500, failed.Status);
        Assert.Contains(logs.Entries, e => e.Category == "backend" && e.Level == LogLevel.Error && e.Exception?.Message == "admin failed");
        Assert.NotSame(NullLogger.Instance, backend.Logger);
        // The backend's own services: its Greeter, which the frontend does not have.
        Assert.Equal(200, greeted.Status);
        Assert.NotEqual(200, (await SendAsync(pipeline, "/greet/ada")).Status);
    }
}

/// <summary>A logger provider that keeps what is logged, for tests.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public System.Collections.Concurrent.ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>The seed's slide 36: a blueprint factory gives each app its own set-up of one blueprint.</summary>
public class BlueprintFactoryTests
{
    private sealed class FactoryApp(string name) : App(["--applicationName", name], RouteTableRegistry.Tables);

    // create_blueprint(app): options chosen per app.
    private static App CreateApp(string name) =>
        new FactoryApp(name).RegisterBlueprint<GreeterBlueprint>(urlPrefix: "/blueprint", options: new GreetingOptions(name == "backend" ? "Hello" : "Hi"));

    [Fact]
    public async Task Each_app_gets_its_own_blueprint_options()
    {
        var backend = CreateApp("backend");
        var frontend = CreateApp("frontend");

        var back = await InProcess.SendAsync(backend.HandleRequestAsync, "GET", "/blueprint/");
        var front = await InProcess.SendAsync(frontend.HandleRequestAsync, "GET", "/blueprint/");

        Assert.Equal("Hello from greeter at /blueprint", back.Body);
        Assert.Equal("Hi from greeter at /blueprint", front.Body);
    }
}
