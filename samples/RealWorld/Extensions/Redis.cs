using Flagon;
using StackExchange.Redis;

namespace RealWorld.Extensions;

/// <summary>
/// The seed's Flask-And-Redis extension (slides 40-43) on StackExchange.Redis. Singleton use binds it to one app:
/// <c>var redis = new Redis(app);</c>. Advanced use shares one object across apps: <c>var redis = new Redis();</c>
/// then <c>redis.InitApp(backend); redis.InitApp(frontend);</c>; each app gets its own connection (from its own
/// <c>REDIS_URL</c>) in <c>app.Extensions["redis"]</c>, and the object keeps no app, so calls go to the current app's.
/// </summary>
public sealed class Redis : IExtension
{
    /// <summary>Makes the extension; with an app, sets it up for that app only (the singleton pattern).</summary>
    public Redis(App? app = null)
    {
        if (app is not null)
        {
            InitApp(app);
        }
        App = app;
    }

    /// <summary>The app of the singleton pattern; null when the extension serves several apps.</summary>
    public App? App { get; }

    /// <summary>Connects to the app's <c>REDIS_URL</c> (<c>redis://host:port/db</c>) and keeps the connection in app.Extensions.</summary>
    public void InitApp(App app)
    {
        var url = new Uri(app.Config["REDIS_URL"] ?? "redis://localhost:6379/0");
        var options = new ConfigurationOptions
        {
            EndPoints = { { url.Host, url.IsDefaultPort || url.Port < 0 ? 6379 : url.Port } },
            DefaultDatabase = int.TryParse(url.AbsolutePath.Trim('/'), out var db) ? db : 0,
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
        };
        if (url.UserInfo is { Length: > 0 } credentials)
        {
            options.Password = Uri.UnescapeDataString(credentials.Split(':', 2)[^1]);
        }
        app.Extensions["redis"] = ConnectionMultiplexer.Connect(options);
    }

    /// <summary>The current app's database (the app of the singleton, else the app handling the request).</summary>
    [NeedsAppContext]
    public IDatabase Database => ((IConnectionMultiplexer)(App ?? Globals.CurrentApp).Extensions["redis"]).GetDatabase();

    /// <summary>Redis INCR, as the seed's <c>redis.incr('counter_key')</c>.</summary>
    [NeedsAppContext]
    public long Incr(string key) => Database.StringIncrement(key);
}
