using static Flagon.Globals;

namespace Flagon.Runtime.Tests;

/// <summary>A JSON body for the request tests.</summary>
public sealed record Point(int X, int Y);

/// <summary>Views that use the request context: Request, G, CurrentApp, and the explicit responses.</summary>
public static class ContextViews
{
    [Route("/whoami")]
    public static string WhoAmI() => $"{Request.Method} {Request.Path} x={Request.Args["x"]} host={Request.Host} app={CurrentApp.Name}";

    [Route("/flow/<int:id>")]
    public static async Task<string> Flow(int id)
    {
        G["id"] = id;
        await Task.Yield();
        await Task.Delay(id % 7);
        return $"path={Request.Path} g={G["id"]}";
    }

    [Route("/json", Methods = ["POST"])]
    public static string Json()
    {
        var point = Request.Json<Point>();
        return $"json x={point!.X} y={point.Y} is_json={Request.IsJson}";
    }

    [Route("/form", Methods = ["POST"])]
    public static string Form() => $"form name={Request.Form["name"]} files={Request.Files.Count}";

    [Route("/go")]
    public static Response Go() => Redirect(UrlFor.Index());

    [Route("/forbidden")]
    public static string Forbidden()
    {
        Abort(403);
        return "never";
    }

    [Route("/made")]
    public static Response Made()
    {
        var response = MakeResponse("Page not found!", 404, [new("Content-Language", "ru")]);
        response.Headers["Content-Type"] = "text/plain";
        return response;
    }

    [Route("/environ")]
    public static string Environ() => string.Join("\n", Request.Environ.Select(e => $"{e.Key}={e.Value}"));
}

/// <summary>Views that keep a visit counter and a user name in the session.</summary>
public static class SessionViews
{
    [Route("/session/visit")]
    public static string Visit()
    {
        // Flask's session["visits"] = session.get("visits", 0) + 1
        int visits = Session.Get("visits", 0) + 1;
        Session.Set("visits", visits);
        return $"visits={visits}";
    }

    [Route("/session/logout")]
    public static string Logout()
    {
        Session.Clear();
        return "bye";
    }
}

/// <summary>Views returning the other shapes Flask accepts.</summary>
public static class ShapeViews
{
    [Route("/shapes/json")]
    public static Point JsonShape() => new(3, 4);

    [Route("/shapes/list")]
    public static List<string> ListShape() => ["a", "b"];

    [Route("/shapes/bytes")]
    public static byte[] BytesShape() => "raw"u8.ToArray();

    [Route("/shapes/headers")]
    public static (string, Dictionary<string, string>) HeadersShape() => ("with headers", new() { ["X-Kind"] = "tuple" });

    [Route("/shapes/all")]
    public static (string, int, Dictionary<string, string>) AllShape() => ("created", 201, new() { ["Content-Type"] = "text/plain" });

    // Flask: Response("plain", mimetype="text/plain"): a text type gets Werkzeug's charset.
    [Route("/shapes/mimetype/text")]
    public static Response TextMimetype() => new("plain", mimetype: "text/plain");

    [Route("/shapes/mimetype/json")]
    public static Response JsonMimetype() => new("{}", mimetype: "application/json");

    [Route("/shapes/mimetype/charset")]
    public static Response CharsetMimetype() => new("csv", mimetype: "text/csv; charset=us-ascii");

    // A header added after the mimetype keeps it; Headers shows it.
    [Route("/shapes/mimetype/headers")]
    public static Response MimetypeThenHeaders()
    {
        var response = new Response("svg", 202, mimetype: "image/svg+xml");
        response.Headers["X-Seen-Type"] = response.Headers.ContentType.ToString();
        return response;
    }
}

/// <summary>A streamed view.</summary>
public static class StreamViews
{
    /// <summary>A long stream of 16 KB pieces, for a client that leaves in the middle.</summary>
    [Route("/endless")]
    public static async IAsyncEnumerable<string> Endless()
    {
        var piece = new string('x', 16 * 1024);
        for (int i = 0; i < 2000; i++)
        {
            await Task.Delay(5);
            yield return piece;
        }
    }

    [Route("/stream/<int:count>")]
    public static async IAsyncEnumerable<string> Count(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return $"{i};";
        }
    }
}
