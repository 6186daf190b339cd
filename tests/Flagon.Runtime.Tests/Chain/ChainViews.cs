using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests.Chain;

/// <summary>An HTTP error of the app's own (Flask's custom HTTPException subclass).</summary>
public sealed class PaymentRequired() : HttpError(402, "Pay first.");

/// <summary>A non-HTTP exception with a handler of its own type.</summary>
public sealed class QuotaExceeded(int used) : Exception($"quota exceeded at {used}")
{
    public int Used { get; } = used;
}

/// <summary>
/// The dispatch chain's cases (Flask's tests/test_basic.py, test_user_error_handler.py, test_blueprints.py), in a
/// blueprint so that its hooks and handlers touch no other test's app.
/// </summary>
[Blueprint("chain", UrlPrefix = "/chain")]
public partial class ChainBlueprint
{
    public static readonly ConcurrentQueue<string> Log = new();

    /// <summary>A gate the streamed view waits on, so a test can read its first piece before it finishes.</summary>
    public static TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Route("/text")]
    public static string Text() => "text";

    [Route("/two-cookies")]
    public static Response TwoCookies()
    {
        var response = new Response("cookies");
        response.SetCookie("a", "1", httpOnly: true);
        response.SetCookie("b", "two words", maxAge: TimeSpan.FromMinutes(5), sameSite: SameSiteMode.Strict);
        return response;
    }

    [Route("/delete-cookie")]
    public static Response DeleteOne()
    {
        var response = new Response("gone");
        response.DeleteCookie("a");
        return response;
    }

    [Route("/after-this")]
    public static string AfterThis()
    {
        AfterThisRequest(response =>
        {
            response.Headers.Append("X-After-This", "1");
            return response;
        });
        return "after this";
    }

    [Route("/multi-header")]
    public static Response MultiHeader()
    {
        var response = new Response("links");
        response.Headers.Append("Link", "</a>; rel=a");
        response.Headers.Append("Link", "</b>; rel=b");
        return response;
    }

    [Route("/pay")]
    public static string Pay() => throw new PaymentRequired();

    [Route("/quota")]
    public static string Quota() => throw new QuotaExceeded(7);

    [Route("/teapot")]
    public static string Teapot()
    {
        Abort(418);
        return "unreachable";
    }

    public static string AbortWith(int code)
    {
        Abort(code);
        return "unreachable";
    }

    [Route("/described")]
    public static string Described()
    {
        Abort(403, "Only <staff> may look.\nAccès refusé.");
        return "unreachable";
    }

    [Route("/abort-response")]
    public static string AbortResponse()
    {
        Abort(new Response("custom teapot", 418));
        return "unreachable";
    }

    [Route("/bad-status")]
    public static (string, int) BadStatus() => ("bad", 1000);

    [Route("/null")]
    public static string? Null() => null;

    [Route("/fail")]
    public static string Fail() => throw new InvalidOperationException("view failed");

    [Route("/stream")]
    public static Response Stream() => Response.Streamed(Pieces(), 201, "text/plain");

    private static async IAsyncEnumerable<string> Pieces([EnumeratorCancellation] CancellationToken token = default)
    {
        yield return "first;";
        await Release.Task.WaitAsync(token);
        yield return "second";
    }

    [Route("/result")]
    public static IResult Result() => TypedResults.Json(new { kind = "result" }, statusCode: 202);

    [Route("/file/<path:name>")]
    public static Response File(string name) => SendFromDirectory(ChainFiles.Root, name);

    [Route("/download")]
    public static Response Download() => SendFile(Path.Combine(ChainFiles.Root, "hello.txt"), asAttachment: true, downloadName: "greeting.txt");

    [Route("/session")]
    public static string UseSession()
    {
        Session["seen"] = "yes";
        return "session";
    }

    [Route("/read-session")]
    public static string ReadSession() => Session["seen"] ?? "none";

    [Route("/json", Methods = ["POST"])]
    public static string Json() => Request.Json<Dictionary<string, int>>()!["n"].ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Route("/json-silent", Methods = ["POST"])]
    public static string JsonSilent() => Request.Json<Dictionary<string, int>>(silent: true) is { } body ? "parsed" : "silent null";

    [Route("/json-force", Methods = ["POST"])]
    public static string JsonForce() => Request.Json<Dictionary<string, int>>(force: true)!["n"].ToString(System.Globalization.CultureInfo.InvariantCulture);

    [BeforeRequest]
    public static Response? Gate(HttpRequest request)
    {
        Log.Enqueue("before:chain");
        if (request.Query.ContainsKey("abort401"))
        {
            Abort(401);
        }
        if (request.Query.ContainsKey("fail-before"))
        {
            throw new InvalidOperationException("before hook failed");
        }
        return null;
    }

    [AfterRequest]
    public static Response Stamp(Response response, HttpRequest request)
    {
        if (request.Query.ContainsKey("fail-after"))
        {
            throw new InvalidOperationException("after hook failed");
        }
        response.Headers.Append("X-Chain", "after");
        return response;
    }

    [TeardownRequest]
    public static void First(HttpRequest request, Exception? error) => Log.Enqueue($"teardown:first:{error?.Message ?? "none"}");

    [TeardownRequest]
    public static void Second(HttpRequest request)
    {
        Log.Enqueue("teardown:second");
        if (request.Query.ContainsKey("fail-teardown"))
        {
            throw new InvalidOperationException("teardown failed");
        }
    }

    [ErrorHandler(401)]
    public static (string, int) Unauthorized(HttpError e) => ($"401 handler: {e.Description.Length > 0}", 401);

    [ErrorHandler(typeof(HttpError))]
    public static (string, int) AnyHttpError(HttpError e) => ($"generic http handler: {e.Code} {e.Name}", e.Code);

    [ErrorHandler(typeof(PaymentRequired))]
    public static (string, int) OnPayment(PaymentRequired e) => ($"payment handler: {e.Description}", e.Code);

    [ErrorHandler(typeof(QuotaExceeded))]
    public static (string, int) OnQuota(QuotaExceeded e) => ($"quota handler: used {e.Used}", 429);

    [ErrorHandler(500)]
    public static (string, int) ServerError(HttpError e) => ($"chain 500: {e.InnerException?.Message}", 500);
}

/// <summary>Nested in <see cref="ChainBlueprint"/>: runs its parent's hooks and falls back to its parent's handlers.</summary>
[Blueprint("inner", UrlPrefix = "/inner")]
public partial class InnerBlueprint
{
    [Route("/")]
    public static string Index() => "inner";

    [Route("/fail")]
    public static string Fail() => throw new InvalidOperationException("inner failed");

    [BeforeRequest]
    public static void Before() => ChainBlueprint.Log.Enqueue("before:inner");

    [AfterRequest]
    public static void After(Response response) => response.Headers.Append("X-Chain", "inner");
}

/// <summary>The files the file views send.</summary>
public static class ChainFiles
{
    /// <summary>The folder the file views send from.</summary>
    public static readonly string Root;

    /// <summary>A real file next to the folder, which no path given to the folder's view may reach.</summary>
    public static readonly string Outside;

    static ChainFiles()
    {
        Root = Flagon.Tests.Shared.TemporaryFolders.Create("flagon-chain-files-").FullName;
        System.IO.File.WriteAllText(Path.Combine(Root, "hello.txt"), "Hello, file!");
        Outside = Path.Combine(Path.GetDirectoryName(Root)!, Path.GetFileName(Root) + "-secret.txt");
        System.IO.File.WriteAllText(Outside, "secret");
    }
}
