using Flagon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace RealWorld.Extensions;

/// <summary>
/// The seed's Flask-And-Redis extension (slides 40-43) on StackExchange.Redis, for apps whose <c>REDIS_URL</c>
/// (<c>redis://[:password@]host[:port][/db]</c>) is set; without it the extension is off and <see cref="IsOn"/> says so.
/// One object serves every app it was given with <see cref="InitApp"/> (the seed's advanced pattern): each app keeps
/// its own connection in <c>app.Extensions["redis"]</c>, and calls go to the current app's. The connection
/// reconnects by itself: while Redis is down calls throw <see cref="RedisException"/>, and work again once it is back.
/// </summary>
public sealed class Redis : IExtension
{
    public void InitApp(App app)
    {
        if (app.Config["REDIS_URL"] is not { Length: > 0 } configured)
        {
            return;
        }
        var url = new Uri(configured);
        var options = new ConfigurationOptions
        {
            EndPoints = { { url.Host, url.IsDefaultPort || url.Port < 0 ? 6379 : url.Port } },
            DefaultDatabase = int.TryParse(url.AbsolutePath.Trim('/'), out var db) ? db : 0,
            // Start even when Redis is down, and keep trying in the background.
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            SyncTimeout = 2000,
            AsyncTimeout = 2000,
        };
        if (url.UserInfo is { Length: > 0 } credentials)
        {
            options.Password = Uri.UnescapeDataString(credentials.Split(':', 2)[^1]);
        }
        var connection = ConnectionMultiplexer.Connect(options);
        app.Extensions["redis"] = connection;
        app.Services.AddHealthChecks().AddCheck("redis", new RedisHealthCheck(connection));
    }

    /// <summary>Whether the current app has Redis (its <c>REDIS_URL</c> is set).</summary>
    [NeedsAppContext]
    public bool IsOn => Globals.CurrentApp.Extensions.ContainsKey("redis");

    /// <summary>The current app's database.</summary>
    /// <exception cref="InvalidOperationException">The app has no <c>REDIS_URL</c>.</exception>
    [NeedsAppContext]
    public IDatabase Database => Globals.CurrentApp.Extensions.TryGetValue("redis", out var connection)
        ? ((IConnectionMultiplexer)connection!).GetDatabase()
        : throw new InvalidOperationException("Redis is off for this app: set REDIS_URL (redis://localhost:6379/0).");

    /// <summary>Redis INCR, as the seed's <c>redis.incr('counter_key')</c>.</summary>
    [NeedsAppContext]
    public Task<long> IncrAsync(string key) => Database.StringIncrementAsync(key);

    /// <summary>Healthy when Redis answers a PING.</summary>
    private sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await connection.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
            }
            catch (RedisException e)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer.", e);
            }
        }
    }
}
