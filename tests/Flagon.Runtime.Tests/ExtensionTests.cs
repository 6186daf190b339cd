using System.Runtime.CompilerServices;
using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>The seed's slides 42–43: one extension object, set up for two apps with InitApp, keeping per-app state in app.Extensions.</summary>
public class ExtensionTests
{
    private sealed class Counter : IExtension
    {
        public void InitApp(App app) => app.Extensions["counter"] = new StrongBox<int>();

        [NeedsAppContext]
        public int Next() => ++((StrongBox<int>)Globals.CurrentApp.Extensions["counter"]).Value;
    }

    private sealed class NamedApp(string name) : App(["--applicationName", name], RouteTableRegistry.Tables);

    [Fact]
    public void One_extension_serves_two_apps_with_their_own_state()
    {
        var counter = new Counter();
        var backend = new NamedApp("backend");
        var frontend = new NamedApp("frontend");
        counter.InitApp(backend);
        counter.InitApp(frontend);

        using (backend.AppContext())
        {
            counter.Next();
            counter.Next();
        }
        using (frontend.AppContext())
        {
            Assert.Equal(1, counter.Next());
        }
        using (backend.AppContext())
        {
            Assert.Equal(3, counter.Next());
        }
        Assert.False(backend.Extensions.ContainsKey("redis"));
    }

    /// <summary>An extension that opens one connection per app context, kept in G and closed by teardown_appcontext.</summary>
    private sealed class Database : IExtension
    {
        public List<string> Log { get; } = [];

        public void InitApp(App app)
        {
            app.Extensions["database"] = this;
            app.TeardownAppContext(error =>
            {
                if (Globals.G.Get<string>("db") is { } connection)
                {
                    Log.Add($"close {connection} error={error?.GetType().Name ?? "none"}");
                }
            });
        }

        [NeedsAppContext]
        public string Connection
        {
            get
            {
                if (Globals.G.Get<string>("db") is not { } connection)
                {
                    connection = $"conn{Log.Count + 1}";
                    Log.Add($"open {connection}");
                    Globals.G["db"] = connection;
                }
                return connection;
            }
        }
    }

    [NeedsAppContext]
    internal static string UseDatabase() => ((Database)Globals.CurrentApp.Extensions["database"]).Connection;

    [NeedsAppContext]
    internal static string FailWithDatabase()
    {
        _ = UseDatabase();
        throw new TimeoutException();
    }

    [Fact]
    public async Task Teardown_appcontext_closes_what_an_extension_opened_per_request_and_per_pushed_context()
    {
        var app = new NamedApp("db-app");
        var database = new Database();
        database.InitApp(app);
        app.AddUrlRule("/db", UseDatabase, endpoint: "db");
        app.AddUrlRule("/db-fail", FailWithDatabase, endpoint: "db_fail");
        using var client = app.TestClient();

        Assert.Equal("conn1", (await client.Get("/db")).Text);
        Assert.Equal(500, (await client.Get("/db-fail")).Status);
        using (app.AppContext())
        {
            Assert.Equal("conn5", database.Connection);
            using (app.TestRequestContext("/inner"))
            {
                // A request context inside an app context of the same app shares it: no teardown of its own.
                Assert.Equal("conn5", database.Connection);
            }
            Assert.Equal(5, database.Log.Count);
        }

        Assert.Equal(["open conn1", "close conn1 error=none", "open conn3", "close conn3 error=TimeoutException", "open conn5", "close conn5 error=none"], database.Log);
    }
}
