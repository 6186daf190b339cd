using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Runtime.Tests;

/// <summary>Serves an app on Kestrel for a test, on the address its <c>--urls</c> gives (port 0: a free one).</summary>
internal static class OverHttp
{
    /// <summary>Builds and starts <paramref name="app"/>; returns the host (dispose it to stop) and where it listens.</summary>
    public static async Task<(WebApplication Web, Uri Address)> StartAsync(App app)
    {
        var web = app.Build();
        await web.StartAsync();
        return (web, new Uri(web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
