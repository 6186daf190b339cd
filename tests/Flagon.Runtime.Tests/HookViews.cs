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

/// <summary>Exception-type handlers: the most specific wins, a blueprint's before the app's.</summary>
[Blueprint("typed", UrlPrefix = "/typed")]
public partial class TypedErrorsBlueprint
{
    [Route("/missing")]
    public static string Missing() => throw new KeyNotFoundException("no such thing");

    [Route("/argument")]
    public static string Argument() => throw new ArgumentNullException("who");

    [Route("/other")]
    public static string Other() => throw new FormatException("bad format");

    [ErrorHandler(typeof(ArgumentException))]
    public static (string, int) BadArgument(Exception e) => ($"bad argument: {e.GetType().Name}", 400);

    [ErrorHandler(typeof(KeyNotFoundException))]
    public static (string, int) NotThere(Exception e) => ($"not there: {e.Message}", 404);
}

/// <summary>App-level exception handlers.</summary>
public static class AppExceptionHandlers
{
    [ErrorHandler(typeof(FormatException))]
    public static (string, int) Anything(Exception e) => ($"app caught {e.GetType().Name}", 500);

    [ErrorHandler(typeof(ArgumentNullException))]
    public static (string, int) NullArgument(Exception e) => ($"app: null argument", 400);

    // As specific as the blueprint's: inside the blueprint, the blueprint's wins.
    [ErrorHandler(typeof(KeyNotFoundException))]
    public static (string, int) AppNotThere(Exception e) => ("app: not there", 404);
}
