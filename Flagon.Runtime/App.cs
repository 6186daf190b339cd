using Flagon.Http;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
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
public partial class App
{
    /// <summary>The address served when no URL is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>): Flask's default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    private readonly WebApplicationBuilder builder;
    private readonly string[] args;
    private readonly Router router;
    private readonly Flagon.Cli.RunCommand.Settings? runOptions;

    /// <summary>Creates an app that reads its configuration from <paramref name="args"/>, the environment and appsettings.json.</summary>
    /// <param name="args">The command line: <c>--urls http://127.0.0.1:8080</c> and any configuration key.</param>
    public App(string[]? args = null)
        : this(args, RouteTableRegistry.Tables)
    {
    }

    /// <summary>Creates an app that serves the given route tables (for tests and hosts that compose tables by hand).</summary>
    protected App(string[]? args, IReadOnlyList<RouteTable> routeTables)
    {
        this.args = args ?? [];
        // A command's name (`routes`, `create-user`) is not a setting; the options after it are read as settings too,
        // except run's own (--host, --port, --debug), which become the address and DEBUG settings.
        var settings = StartsWithCommand(this.args) ? this.args[1..] : this.args;
        if (StartsWithCommand(this.args) && this.args[0] == Flagon.Cli.RunCommand.CommandName)
        {
            runOptions = Flagon.Cli.RunCommand.Read(settings);
            settings = runOptions.Rest;
        }
        builder = WebApplication.CreateSlimBuilder(settings);
        if (runOptions is { Valid: true })
        {
            var overrides = new Dictionary<string, string?>();
            if (runOptions.Url is { } url)
            {
                overrides[WebHostDefaults.ServerUrlsKey] = url;
            }
            if (runOptions.Debug is { } debug)
            {
                overrides["DEBUG"] = debug ? "true" : "false";
            }
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        // Lowest-priority defaults: the user's appsettings, environment and command line override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        defaultServiceCount = builder.Services.Count;
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        router = new Router([.. routeTables, new StaticFiles.StaticRouteTable(this)]);
        foreach (var table in router.Tables)
        {
            table.AddHandlers(scaffold);
        }
        overriddenSteps = new Dispatch.OverriddenSteps(
            (Func<ValueTask<Response?>>)FullDispatchRequestAsync, (Func<ValueTask<Response?>>)PreprocessRequestAsync,
            (Func<ValueTask>)DispatchRequestAsync, (Func<Response, ValueTask<Response>>)ProcessResponseAsync,
            (Func<Exception?, ValueTask>)DoTeardownRequestAsync);
        Name = builder.Environment.ApplicationName;
        // Sessions are protected cookies: Data Protection encrypts and signs them.
        builder.Services.AddDataProtection();
        lock (Instances)
        {
            Instances.Add(new WeakReference<App>(this));
        }
    }

    private static readonly List<WeakReference<App>> Instances = [];

    /// <summary>
    /// Where the app is mounted when no request says so (Flask's <c>APPLICATION_ROOT</c>): the prefix of the
    /// URLs built outside a request; inside one, the request's PathBase is used.
    /// </summary>
    /// <remarks>Read from the configuration when the app is built, and on every use before that.</remarks>
    public string ApplicationRoot => applicationRoot ?? ReadApplicationRoot();

    private string? applicationRoot;

    private string ReadApplicationRoot() => (Config["APPLICATION_ROOT"] ?? string.Empty).TrimEnd('/');

    /// <summary>
    /// The folder for what the app writes while it runs, outside its code (Flask's <c>instance_path</c>): a SQLite
    /// database, uploads. <c>INSTANCE_PATH</c> when set (relative to the content root), else <c>instance</c> under
    /// the content root (the directory the app was started from). Not created: the code that writes there makes it.
    /// </summary>
    public string InstancePath =>
        Path.GetFullPath(Config["INSTANCE_PATH"] is { Length: > 0 } configured ? configured : "instance", builder.Environment.ContentRootPath);

    /// <summary>Pushes an app context (Flask's <c>app.app_context()</c>): dispose it to pop.</summary>
    /// <example><code>using (app.AppContext()) { var url = UrlFor.Page(pk: 1); }</code></example>
    public Contexts.AppContextScope AppContext() => new(this);

    /// <summary>
    /// Pushes a request context for a request that did not come over HTTP (Flask's <c>app.test_request_context()</c>):
    /// <c>Request</c>, <c>G</c> and <c>UrlFor</c> work in it as in a view. Dispose it (a <c>using</c> block), or
    /// <c>Pop()</c> it, to leave.
    /// </summary>
    /// <param name="path">The path and query: <c>/page/1?x=y</c>.</param>
    /// <param name="method">The method.</param>
    /// <param name="headers">Request headers.</param>
    /// <param name="body">The body (its bytes are what <c>Request.Data</c> and <c>Request.Json</c> read).</param>
    /// <param name="contentType">The body's content type.</param>
    public Contexts.RequestContext TestRequestContext(string path = "/", string method = "GET", IReadOnlyDictionary<string, string>? headers = null,
        string? body = null, string? contentType = null)
    {
        var http = new DefaultHttpContext { RequestServices = services ?? EmptyServices.Instance };
        int query = path.IndexOf('?');
        http.Request.Method = method.ToUpperInvariant();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString(Config["SERVER_NAME"] is { Length: > 0 } server ? server : "localhost");
        http.Request.PathBase = new PathString(ApplicationRoot);
        http.Request.Path = new PathString(query < 0 ? path : path[..query]);
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.Request.Headers[name] = value;
        }
        if (contentType is not null)
        {
            http.Request.ContentType = contentType;
        }
        var context = new Contexts.RequestContext(this, http);
        if (body is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            http.Request.ContentLength = bytes.Length;
            if (http.Request.HasFormContentType)
            {
                http.Request.Body = new MemoryStream(bytes);
                http.Request.ReadFormAsync().GetAwaiter().GetResult();
            }
            else
            {
                Contexts.CurrentScope.Current!.Body = bytes;
            }
        }
        return context;
    }

    private IServiceProvider? services;

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    private WebApplication? testHost;

    /// <summary>
    /// A client that sends requests to the app in memory (Flask's <c>app.test_client()</c>), through the whole
    /// pipeline, with no port or socket; it keeps cookies between requests, so sessions work. Call it instead of
    /// <see cref="Run()"/>: the app is built for the test server on the first call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app was already built to serve over HTTP.</exception>
    public Testing.TestClient TestClient()
    {
        var host = TestHost("test client");
        var server = host.GetTestServer();
        var baseAddress = new Uri("http://localhost/");
        return new Testing.TestClient(this, new Testing.CookieHandler(server.CreateHandler(), baseAddress), host.Services);
    }

    /// <summary>
    /// A runner for the app's commands in tests (Flask's <c>app.test_cli_runner()</c>): it runs a command line as
    /// <c>dotnet run -- …</c> would, inside an app context, and returns the exit code and what the command wrote. Like
    /// <see cref="TestClient"/>, it builds the app for the test server on the first call (the two share it).
    /// </summary>
    /// <exception cref="InvalidOperationException">The app was already built to serve over HTTP.</exception>
    public Testing.CliRunner TestCliRunner()
    {
        TestHost("test CLI runner");
        return new Testing.CliRunner(this);
    }

    /// <summary>The app built for the in-memory test server, once, for the test client and the CLI runner.</summary>
    private WebApplication TestHost(string what)
    {
        lock (Instances)
        {
            if (testHost is null)
            {
                if (services is not null)
                {
                    throw new InvalidOperationException($"The {what} must be made before the app is built or run: make it first, or use a new app.");
                }
                builder.WebHost.UseTestServer();
                testHost = Build();
                testHost.StartAsync().GetAwaiter().GetResult();
            }
            return testHost;
        }
    }

    /// <summary>
    /// Debug mode (Flask's <c>app.debug</c>): the <c>DEBUG</c> setting, or the Development environment. An exception no
    /// handler takes then shows ASP.NET Core's developer exception page instead of the plain 500 page.
    /// </summary>
    public bool Debug => bool.TryParse(Config["DEBUG"], out var debug) ? debug : builder.Environment.IsDevelopment();

    /// <summary>
    /// Testing mode (Flask's <c>app.testing</c>, the <c>TESTING</c> setting): an exception no handler takes reaches the
    /// caller (the test client throws it) instead of becoming a 500 page, so that a test sees what went wrong.
    /// </summary>
    public bool Testing => bool.TryParse(Config["TESTING"], out var testing) && testing;

    /// <summary>
    /// Whether unhandled exceptions propagate instead of becoming a 500 page (Flask's <c>PROPAGATE_EXCEPTIONS</c>):
    /// the setting, else true in <see cref="Debug"/> and <see cref="Testing"/> modes.
    /// </summary>
    public bool PropagateExceptions => bool.TryParse(Config["PROPAGATE_EXCEPTIONS"], out var propagate) ? propagate : Debug || Testing;

    /// <summary>Adds settings from an object's public properties (Flask's <c>app.config.from_object</c>): <c>new { DEBUG = true }</c>.</summary>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Reads the object's properties by reflection; use ConfigFrom(IEnumerable<KeyValuePair<string, string?>>) when trimming.")]
    public App ConfigFromObject(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ConfigFrom(settings.GetType().GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, string?>(p.Name, Convert.ToString(p.GetValue(settings), System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Adds settings; later sources win over earlier ones, as in Flask's successive <c>config.update</c> calls, and the
    /// command line (<c>--KEY value</c>) wins over all of them.
    /// </summary>
    public App ConfigFrom(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        builder.Configuration.AddInMemoryCollection(settings);
        return SettingsAdded();
    }

    /// <summary>Adds settings from a JSON file (Flask's <c>config.from_file</c>); a relative path is from the content root.</summary>
    public App ConfigFromJson(string path, bool optional = false)
    {
        builder.Configuration.AddJsonFile(path, optional, reloadOnChange: false);
        return SettingsAdded();
    }

    /// <summary>Adds settings from an INI file (<c>KEY=value</c> lines, <c>[section]</c> headers); a relative path is from the content root.</summary>
    public App ConfigFromIni(string path, bool optional = false)
    {
        builder.Configuration.AddIniFile(path, optional, reloadOnChange: false);
        return SettingsAdded();
    }

    /// <summary>Adds the environment variables that start with <paramref name="prefix"/>, without it (Flask's <c>config.from_prefixed_env</c>).</summary>
    public App ConfigFromEnvironment(string prefix = "FLAGON_")
    {
        builder.Configuration.AddEnvironmentVariables(prefix);
        return SettingsAdded();
    }

    /// <summary>
    /// After a source was added in code: moves the command line back on top, since a setting given when the program
    /// is started (<c>--KEY value</c>) wins over every source, so a deployment can override what the code sets; and
    /// forgets what was read from the settings before.
    /// </summary>
    private App SettingsAdded()
    {
        // Settings changed: what was read from them is read again on next use.
        sessionSettings = null;
        var sources = builder.Configuration.Sources;
        var commandLine = sources.OfType<Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource>().ToList();
        if (commandLine.Count > 0 && !ReferenceEquals(sources[^1], commandLine[^1]))
        {
            foreach (var source in commandLine)
            {
                sources.Remove(source);
                sources.Add(source);
            }
        }
        return this;
    }

    /// <summary>
    /// How views' JSON is written (web defaults: camelCase). Reflection-based unless you add source-generated
    /// contexts to <c>TypeInfoResolverChain</c>, which Native AOT requires.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The reflection resolver is the default only where dynamic code works; AOT apps add their JsonSerializerContext.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The reflection resolver is the default only where dynamic code works; AOT apps add their JsonSerializerContext.")]
    public System.Text.Json.JsonSerializerOptions JsonOptions { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault
            ? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()
            : System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(),
    };

    /// <summary>
    /// The folder static files are served from (Flask's <c>static_folder</c>): relative to the content root, or,
    /// when it is not there, to the program's folder.
    /// </summary>
    public string StaticFolder { get; set; } = "static";

    /// <summary>The URL path of the static files (Flask's <c>static_url_path</c>): <c>/static</c>.</summary>
    public string StaticUrlPath { get; set; } = "/static";

    /// <summary>
    /// A folder of the app (static files, templates): relative to the content root when it is there, else next to the
    /// program (where the build copies it), as Flask resolves it from the app's own folder rather than the working directory.
    /// </summary>
    private string ResolveFolder(string folder)
    {
        var fromContentRoot = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, folder));
        return Directory.Exists(fromContentRoot) ? fromContentRoot : Path.GetFullPath(Path.Combine(System.AppContext.BaseDirectory, folder));
    }

    /// <summary>
    /// The response for a file of the static folder (Flask's <c>send_static_file</c>), for the built-in <c>static</c>
    /// endpoint: <see cref="Globals.SendFromDirectory"/> (so ETag, 304, Range), cached by clients for
    /// <c>SEND_FILE_MAX_AGE_DEFAULT</c> seconds when set. Paths cannot leave the folder. Override it to serve static
    /// files another way.
    /// </summary>
    /// <param name="filename">The file's path inside the static folder, with <c>/</c> separators.</param>
    /// <exception cref="HttpError">404 when there is no such file.</exception>
    public virtual Response SendStaticFile(string filename) =>
        Globals.SendFromDirectory(ResolveFolder(StaticFolder), filename,
            maxAge: long.TryParse(Config["SEND_FILE_MAX_AGE_DEFAULT"], out var seconds) ? TimeSpan.FromSeconds(seconds) : null);

    /// <summary>What extensions set up for this app, by name (Flask's <c>app.extensions</c>).</summary>
    public IDictionary<string, object> Extensions { get; } = new System.Collections.Concurrent.ConcurrentDictionary<string, object>(StringComparer.Ordinal);

    /// <summary>The app's name (Flask's <c>app.name</c>): the application's assembly name.</summary>
    public string Name { get; }

    /// <summary>The app's configuration (Flask's <c>app.config</c>).</summary>
    public IConfiguration Config => builder.Configuration;

    /// <summary>The app's logger (Flask's <c>app.logger</c>), named after the app; silent until <see cref="Build()"/>.</summary>
    public ILogger Logger { get; private set; } = NullLogger.Instance;

    /// <summary>
    /// The services of the app, to add to before <see cref="Run()"/> (Flask's extensions register theirs here). In an app
    /// added to a larger host with <c>builder.AddFlagon(app)</c>, the host's.
    /// </summary>
    public IServiceCollection Services => joinedServices ?? builder.Services;

    /// <summary>The app's url map and its adapter: its tables and blueprints, matched and built.</summary>
    internal Router Router => router;

    private Sessions.SessionSettings? sessionSettings;

    /// <summary>
    /// The session cookie's options, from the <c>SESSION_COOKIE_*</c> and <c>PERMANENT_SESSION_LIFETIME</c> settings:
    /// read on first use, and again after settings are added with the <c>ConfigFrom…</c> methods or the app is built.
    /// </summary>
    public Sessions.SessionSettings SessionSettings => sessionSettings ??= Sessions.SessionSettings.From(Config);

    /// <summary>
    /// Where Data Protection keeps the keys that encrypt and sign session cookies (Flask's <c>SECRET_KEY</c>):
    /// with <c>DATA_PROTECTION_KEYS</c> set to a directory, the key ring is kept there, so that restarts and
    /// several processes (or machines sharing the directory) read each other's cookies. The key ring is isolated
    /// per application name, <c>DATA_PROTECTION_APPLICATION_NAME</c> (the app's <see cref="Name"/> by default).
    /// </summary>
    private void ConfigureDataProtection(IServiceCollection services)
    {
        var protection = services.AddDataProtection()
            .SetApplicationName(Config["DATA_PROTECTION_APPLICATION_NAME"] is { Length: > 0 } appName ? appName : Name);
        if (Config["DATA_PROTECTION_KEYS"] is { Length: > 0 } directory)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(directory, builder.Environment.ContentRootPath)));
        }
    }

    /// <summary>
    /// Serves the app until the process is stopped (Ctrl+C), like Flask's <c>app.run()</c>. When the first argument
    /// names a command of <see cref="Cli"/>, that command runs instead: <c>dotnet run -- routes</c> prints the url map
    /// (Flask's <c>flask routes</c>), and the app's own commands run the same way.
    /// </summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Serves the app until <paramref name="cancellationToken"/> fires or the process is stopped.</summary>
    public Task RunAsync(CancellationToken cancellationToken = default) => RunAsync(null, cancellationToken);

    /// <summary>Serves the app, with <paramref name="before"/> in front of its routing (a <see cref="Dispatcher"/>'s forwarding).</summary>
    internal async Task RunAsync(Action<WebApplication>? before, CancellationToken cancellationToken)
    {
        if (runOptions is not null)
        {
            if (CheckRunOptions() is int refused)
            {
                Environment.ExitCode = refused;
                return;
            }
        }
        else if (StartsWithCommand(args) || AsksForHelp(args))
        {
            Environment.ExitCode = await RunCommandAsync(cancellationToken);
            return;
        }
        await ServeAsync(before, cancellationToken);
    }

    private async Task ServeAsync(Action<WebApplication>? before, CancellationToken cancellationToken)
    {
        await using var web = Build(before);
        await web.StartAsync(cancellationToken);
        if (Debug)
        {
            Console.WriteLine(" * Debug mode: on");
        }
        foreach (var address in web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Console.WriteLine($" * Running on {address} (Press CTRL+C to quit)");
        }
        await web.WaitForShutdownAsync(cancellationToken);
    }
}
