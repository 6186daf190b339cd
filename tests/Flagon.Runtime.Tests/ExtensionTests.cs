using System.Runtime.CompilerServices;
using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>The seed's slides 42–43: one extension object, set up for two apps with InitApp, keeping per-app state in app.Extensions.</summary>
public class ExtensionTests
{
    private sealed class Counter : IExtension
    {
        public void InitApp(App app) => app.Extensions["counter"] = new StrongBox<int>();

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
}
