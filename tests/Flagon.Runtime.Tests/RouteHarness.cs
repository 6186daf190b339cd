using System.Net;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Runtime.Tests;

/// <summary>A response as a test sees it, whichever way it was sent.</summary>
public sealed record TestResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>How a conformance case is sent: into the app's request delegate in process, or over real HTTP to Kestrel.</summary>
public enum Transport
{
    InProcess,
    Http,
}

/// <summary>
/// Sends requests to an app built from this assembly's generated route table, in process (a DefaultHttpContext
/// given to the app's request delegate) or through Kestrel on a free loopback port.
/// </summary>
public sealed class RouteHarness : IAsyncLifetime
{
    private sealed class TestApp(string[] args) : App(args, RouteTableRegistry.Tables);

    private readonly App app = new TestApp(["--urls", "http://127.0.0.1:0"])
        .RegisterBlueprint<AdminBlueprint>()
        .RegisterBlueprint<AdminBlueprint>(urlPrefix: "/staff/", name: "staff")
        .RegisterBlueprint<ReportsBlueprint>(parent: "admin")
        .RegisterBlueprint<HookedBlueprint>()
        .RegisterBlueprint<TypedErrorsBlueprint>();
    private WebApplication? web;
    private HttpClient? client;

    public App App => app;

    /// <summary>Where the app listens over HTTP.</summary>
    public Uri? BaseAddress => client?.BaseAddress;

    public async Task InitializeAsync()
    {
        app.Services.AddSingleton<Greeter>();
        (web, var address) = await OverHttp.StartAsync(app);
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (web is not null)
        {
            await web.StopAsync();
            await web.DisposeAsync();
        }
    }

    public Task<TestResponse> SendAsync(Transport transport, string method, string target) =>
        transport == Transport.Http ? SendHttpAsync(method, target) : SendInProcessAsync(method, target);

    /// <summary>POSTs a body over real HTTP.</summary>
    public async Task<TestResponse> PostAsync(string target, string body, string contentType)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await client!.PostAsync(target, content);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new TestResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), headers);
    }

    private async Task<TestResponse> SendHttpAsync(string method, string target)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        using var response = await client!.SendAsync(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }
        return new TestResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync(), headers);
    }

    private Task<TestResponse> SendInProcessAsync(string method, string target)
    {
        int query = target.IndexOf('?');
        var rawPath = query < 0 ? target : target[..query];
        return InProcess.SendAsync(app.HandleRequestAsync, method, DecodeLikeKestrel(rawPath),
            query: query < 0 ? QueryString.Empty : new QueryString(target[query..]), services: web!.Services);
    }

    /// <summary>Kestrel's path decoding: every percent-escape as UTF-8, except %2F, which stays encoded.</summary>
    internal static string DecodeLikeKestrel(string raw)
    {
        var pieces = raw.Split("%2F", StringSplitOptions.None).SelectMany(p => p.Split("%2f")).Select(Uri.UnescapeDataString);
        return string.Join("%2F", pieces);
    }
}
