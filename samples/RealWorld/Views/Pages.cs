using Flagon;
using static Flagon.Globals;

namespace RealWorld.Views;

/// <summary>views.py: the app's own views.</summary>
public static class Pages
{
    [Route("/")]
    public static string Index() =>
        $"""<!doctype html><link rel="stylesheet" href="{Url.For("static", new Dictionary<string, object?> { ["filename"] = "style.css" })}"><h1>{CurrentApp.Config["SITE_NAME"]}</h1><a href="{UrlFor.BlogBlueprint.Index()}">Blog</a>""";

    /// <summary>The seed's slide 41 view: a page counter in Redis, shared by every process of the app.</summary>
    [Route("/counter")]
    public static string Counter() => $"This page viewed {AppFactory.Redis.Incr("counter_key")} time(s)";

    /// <summary>The same count kept in the process (the in-memory Counter extension).</summary>
    [Route("/local-counter")]
    public static string LocalCounter() => $"This process counted {AppFactory.Counter.Increment()} view(s)";

    [Route("/environ")]
    public static string Environ() => string.Join("\n", Request.Environ.Select(e => $"{e.Key}: {e.Value}"));

    [ErrorHandler(404), ErrorHandler(500)]
    public static (string, int) Error(HttpError e) => ($"Error {e.Code}", e.Code);
}
