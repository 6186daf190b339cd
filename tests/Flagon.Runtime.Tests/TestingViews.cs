using static Flagon.Globals;

namespace Flagon.Runtime.Tests;

/// <summary>Views for the test client, flashed messages and session options.</summary>
public static class TestingViews
{
    [Route("/echo", Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"])]
    public static string Echo() =>
        $"{Request.Method} q={Request.Args["q"]} h={Request.Headers["X-Test"]} " +
        $"form={Request.Form["name"]} data={System.Text.Encoding.UTF8.GetString(Request.Data.Span)} type={Request.ContentType}";

    [Route("/echo/json", Methods = ["POST"])]
    public static Point EchoJson() => Request.Json<Point>() is { } p ? p with { X = p.X * 10 } : new Point(0, 0);

    [Route("/jsonify/<int:x>")]
    public static Response Jsonify(int x) => Json(new Point(x, -x), status: 201);

    [Route("/async/json/<int:x>")]
    public static async Task<Point> AsyncJson(int x)
    {
        await Task.Yield();
        return new Point(x, x);
    }

    [Route("/async/status")]
    public static async ValueTask<(string, int)> AsyncStatus()
    {
        await Task.Yield();
        return ("made later", 202);
    }

    [Route("/async/response")]
    public static ValueTask<Response> AsyncResponse() => ValueTask.FromResult(MakeResponse("value task response", 203));

    [Route("/async/bytes")]
    public static Task<byte[]> AsyncBytes() => Task.FromResult("bytes later"u8.ToArray());

    [Route("/async/headers")]
    public static async Task<(string, int, Dictionary<string, string>)> AsyncHeaders()
    {
        await Task.Yield();
        return ("with headers", 201, new Dictionary<string, string> { ["X-Later"] = "yes" });
    }

    [Route("/bounce", Methods = ["GET", "POST"])]
    public static Response Bounce() => Redirect("/echo?q=bounced");

    [Route("/bounce-keep", Methods = ["POST"])]
    public static Response BounceKeep() => Redirect("/echo?q=kept", 307);

    [Route("/loop")]
    public static Response Loop() => Redirect("/loop");

    [Route("/explode")]
    public static string Explode() => throw new InvalidOperationException("boom from the view");

    [Route("/session/user")]
    public static string SessionUser() => $"user={Session["user"]} permanent={Session.Permanent}";

    [Route("/session/login/<name>")]
    public static string Login(string name)
    {
        Session["user"] = name;
        Session.Permanent = Request.Args["remember"] == "1";
        return "ok";
    }

    [Route("/flash/<category>/<message>")]
    public static string FlashIt(string category, string message)
    {
        Flash(message, category);
        return "flashed";
    }

    [Route("/flash/show")]
    public static string ShowFlashes()
    {
        var all = GetFlashedMessagesWithCategories();
        var errors = GetFlashedMessages("error");
        return $"{string.Join(";", all.Select(f => $"{f.Category}:{f.Message}"))} errors={string.Join(";", errors)} again={GetFlashedMessages().Count}";
    }
}
