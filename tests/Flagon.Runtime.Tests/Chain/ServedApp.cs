using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Runtime.Tests.Chain;

/// <summary>An app served by Kestrel on a free loopback port, with a plain HttpClient (no redirects, no cookies kept).</summary>
public sealed class ServedApp : IAsyncDisposable
{
    private sealed class LoopbackApp(string[] args, IReadOnlyList<RouteTable> tables) : App(["--urls", "http://127.0.0.1:0", .. args], tables);

    private WebApplication? web;

    private ServedApp(App app) => App = app;

    public App App { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A new app of this assembly's views, listening on loopback once <see cref="StartAsync"/> is called.</summary>
    public static ServedApp Create(params string[] args) => new(new LoopbackApp(args, RouteTableRegistry.Tables));

    /// <summary>A new app without this assembly's compiled views (and so without its app-level hooks), for rules added by the test.</summary>
    public static ServedApp CreateWithout(params string[] args) => new(new LoopbackApp(args, []));

    public async Task<ServedApp> StartAsync()
    {
        web = App.Build();
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (web is not null)
        {
            await web.StopAsync();
            await web.DisposeAsync();
        }
    }
}
