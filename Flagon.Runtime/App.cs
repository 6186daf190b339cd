using Flagon.Http;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flagon;

/// <summary>
/// A Flagon application: Flask's <c>Flask(__name__)</c> on Kestrel. It serves the views whose
/// <see cref="RouteAttribute"/> rules the source generator compiled into this program.
/// </summary>
/// <example>
/// <code>
/// var app = new App(args);
/// app.Run();   // * Running on http://127.0.0.1:5000
/// </code>
/// </example>
public class App
{
    /// <summary>The address served when no URL is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>): Flask's default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    private readonly WebApplicationBuilder builder;
    private readonly RouteTable[] tables;

    /// <summary>Creates an app that reads its configuration from <paramref name="args"/>, the environment and appsettings.json.</summary>
    /// <param name="args">The command line: <c>--urls http://127.0.0.1:8080</c> and any configuration key.</param>
    public App(string[]? args = null)
        : this(args, RouteTableRegistry.Tables)
    {
    }

    /// <summary>Creates an app that serves the given route tables (for tests and hosts that compose tables by hand).</summary>
    protected App(string[]? args, IReadOnlyList<RouteTable> routeTables)
    {
        builder = WebApplication.CreateSlimBuilder(args ?? []);
        // Lowest-priority defaults: the user's appsettings, environment and command line override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        tables = [.. routeTables];
        Name = builder.Environment.ApplicationName;
        lock (Instances)
        {
            Instances.Add(new WeakReference<App>(this));
        }
    }

    private static readonly List<WeakReference<App>> Instances = [];

    /// <summary>The only live app of the process, or null when there are none or several.</summary>
    internal static App? OnlyInstance
    {
        get
        {
            lock (Instances)
            {
                Instances.RemoveAll(r => !r.TryGetTarget(out _));
                return Instances.Count == 1 && Instances[0].TryGetTarget(out var app) ? app : null;
            }
        }
    }

    /// <summary>How many apps are alive in the process.</summary>
    internal static int InstanceCount
    {
        get
        {
            lock (Instances)
            {
                return Instances.Count(r => r.TryGetTarget(out _));
            }
        }
    }

    /// <summary>
    /// Where the app is mounted when no request says so (Flask's <c>APPLICATION_ROOT</c>): the prefix of the
    /// URLs built outside a request; inside one, the request's PathBase is used.
    /// </summary>
    public string ApplicationRoot => (Config["APPLICATION_ROOT"] ?? string.Empty).TrimEnd('/');

    /// <summary>Pushes an app context (Flask's <c>app.app_context()</c>): dispose it to pop.</summary>
    /// <example><code>using (app.AppContext()) { var url = UrlFor.Page(pk: 1); }</code></example>
    public Contexts.AppContextScope AppContext() => new(this);

    /// <summary>The run-time URL prefix of the blueprint registered under <paramref name="name"/>.</summary>
    internal string BlueprintPrefix(string name) =>
        throw new InvalidOperationException($"The blueprint '{name}' is not registered on the app '{Name}'.");

    /// <summary>The app's name (Flask's <c>app.name</c>): the application's assembly name.</summary>
    public string Name { get; }

    /// <summary>The app's configuration (Flask's <c>app.config</c>).</summary>
    public IConfiguration Config => builder.Configuration;

    /// <summary>The app's logger (Flask's <c>app.logger</c>), named after the app; silent until <see cref="Build"/>.</summary>
    public ILogger Logger { get; private set; } = NullLogger.Instance;

    /// <summary>The services of the app, to add to before <see cref="Run"/>.</summary>
    public IServiceCollection Services => builder.Services;

    /// <summary>The compiled route tables the app serves.</summary>
    internal IReadOnlyList<RouteTable> RouteTables => tables;

    /// <summary>Every rule the app serves (Flask's <c>app.url_map</c>).</summary>
    public IReadOnlyList<Rule> UrlMap => [.. tables.SelectMany(t => t.Rules)];

    /// <summary>Builds the ASP.NET Core application that serves this app, without starting it.</summary>
    public WebApplication Build()
    {
        var web = builder.Build();
        Logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Name);
        web.Run(HandleRequestAsync);
        return web;
    }

    /// <summary>Serves the app until the process is stopped (Ctrl+C), like Flask's <c>app.run()</c>.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Serves the app until <paramref name="cancellationToken"/> fires or the process is stopped.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var web = Build();
        await web.StartAsync(cancellationToken);
        foreach (var address in web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Console.WriteLine($" * Running on {address} (Press CTRL+C to quit)");
        }
        await web.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>
    /// Flagon's terminal request delegate: matches the path against the generated route tables, calls the
    /// view and writes its response; otherwise answers as Werkzeug does: 308 to the slash-terminated URL,
    /// 405 with <c>Allow</c> (200 for OPTIONS), or 404.
    /// </summary>
    public Task HandleRequestAsync(HttpContext context)
    {
        var previousApp = Contexts.CurrentScope.App;
        var previousRequest = Contexts.CurrentScope.Request;
        Contexts.CurrentScope.App = this;
        Contexts.CurrentScope.Request = context;
        try
        {
            return Dispatch(context);
        }
        finally
        {
            // An awaiting view keeps the scope it captured; this flow gets its own back.
            Contexts.CurrentScope.App = previousApp;
            Contexts.CurrentScope.Request = previousRequest;
        }
    }

    private Task Dispatch(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        RouteTable? fallbackTable = null;
        var fallback = default(RouteMatch);
        foreach (var table in tables)
        {
            var match = table.Match(path, method);
            if (match.Status == MatchStatus.Matched)
            {
                return Invoke(table, path, match, context);
            }
            if (match.Status != MatchStatus.NotFound && fallbackTable is null)
            {
                fallbackTable = table;
                fallback = match;
            }
        }
        if (fallbackTable is null)
        {
            return ErrorPages.Write(context, StatusCodes.Status404NotFound).AsTask();
        }
        if (fallback.Status == MatchStatus.RedirectWithSlash)
        {
            var request = context.Request;
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = $"{request.PathBase}{path}/{request.QueryString}";
            return ErrorPages.WriteRedirect(context, context.Response.Headers.Location!).AsTask();
        }
        context.Response.Headers.Allow = fallbackTable.FormatAllow(fallback.AllowedMethods);
        if (HttpMethods.IsOptions(method))
        {
            // Werkzeug's automatic OPTIONS: an empty 200 that lists the allowed methods.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }
        return ErrorPages.Write(context, StatusCodes.Status405MethodNotAllowed).AsTask();
    }

    private Task Invoke(RouteTable table, string path, RouteMatch match, HttpContext context)
    {
        ValueTask pending;
        try
        {
            pending = table.InvokeAsync(context, path, match);
        }
        catch (Exception ex)
        {
            return HandleExceptionAsync(context, ex);
        }
        return pending.IsCompletedSuccessfully ? Task.CompletedTask : AwaitView(pending, context);
    }

    private async Task AwaitView(ValueTask pending, HttpContext context)
    {
        try
        {
            await pending;
        }
        catch (Exception ex)
        {
            await HandleExceptionAsync(context, ex);
        }
    }

    /// <summary>An exception escaped the view: log it and answer 500, unless the response has already started.</summary>
    private Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        Logger.LogError(exception, "Exception on {Path} [{Method}]", context.Request.Path, context.Request.Method);
        if (context.Response.HasStarted)
        {
            // Too late for an error page: abort so the client sees a broken response, not a truncated "success".
            context.Abort();
            return Task.CompletedTask;
        }
        context.Response.Clear();
        return ErrorPages.Write(context, StatusCodes.Status500InternalServerError).AsTask();
    }
}
