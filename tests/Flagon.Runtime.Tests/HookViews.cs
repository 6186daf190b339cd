using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Flagon.Runtime.Tests;

/// <summary>A blueprint with all three request hooks, registered at /hooked.</summary>
[Blueprint("hooked", UrlPrefix = "/hooked")]
public partial class HookedBlueprint
{
    public static readonly ConcurrentQueue<string> Teardowns = new();

    [Route("/ok")]
    public static string Ok() => "ok";

    [Route("/fail")]
    public static string Fail() => throw new InvalidOperationException("hook test failure");

    [BeforeRequest]
    public static string? Gate(HttpRequest request) => request.Query.ContainsKey("block") ? "blocked by hook" : null;

    [AfterRequest]
    public static Response Stamp(Response response, HttpRequest request)
    {
        response.Headers["X-Order"] = "blueprint";
        return request.Query.ContainsKey("replace") ? new Response("replaced", 202) : response;
    }

    [TeardownRequest]
    public static void Record(HttpRequest request, Exception? error) =>
        Teardowns.Enqueue($"{request.Path}{request.QueryString} error={error?.Message ?? "none"}");
}

/// <summary>An app-level after-request hook: it runs for every request of the test app, after any blueprint's.</summary>
public static class AppHooks
{
    [AfterRequest]
    public static void Stamp(Response response) =>
        response.Headers["X-Order"] = response.Headers.TryGetValue("X-Order", out var before) ? before + ",app" : "app";
}
