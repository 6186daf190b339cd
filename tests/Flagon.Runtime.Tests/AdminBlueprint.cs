namespace Flagon.Runtime.Tests;

/// <summary>A blueprint of the test app, registered twice: as "admin" at /admin and as "staff" at /staff.</summary>
[Blueprint("admin", UrlPrefix = "/admin")]
public partial class AdminBlueprint
{
    [Route("/")]
    public static string Hello() => "Hello from blueprint!";

    [Route("/users/<int:id>")]
    public static string User(int id) => $"admin user id={id}";

    [Route("/links")]
    public static string Links() => $"{UrlFor.AdminBlueprint.User(id: 5)} {Url.For(".hello")} {Url.For("index")} {UrlFor.Index()}";

    [Route("/only-post", Methods = ["POST"])]
    public static string OnlyPost() => "posted";

    [Route("/fail")]
    public static string Fail() => throw new InvalidOperationException("admin failed");

    // The blueprint owns the misses under its prefix, which Flask does not allow.
    [ErrorHandler(404), ErrorHandler(405)]
    public static (string, int) Miss(HttpError e) => ($"admin {e.Code}: {e.Name}", e.Code);

    [ErrorHandler(500)]
    public static string Failure(Exception e) => $"admin failure: {e.InnerException?.Message}";
}

/// <summary>A blueprint nested in "admin" (as "admin.reports" at /admin/reports).</summary>
[Blueprint("reports", UrlPrefix = "/reports")]
public partial class ReportsBlueprint
{
    [Route("/<int:year>")]
    public static string Year(int year) => $"reports year={year} {Url.For(".year", new Dictionary<string, object?> { ["year"] = year + 1 })}";

    [ErrorHandler(404)]
    public static string Broken() => throw new InvalidOperationException("the handler itself fails");
}

/// <summary>Per-app options of a blueprint registration (a blueprint factory's output).</summary>
public sealed record GreetingOptions(string Greeting);

/// <summary>A blueprint set up differently per registration, as Flask's create_blueprint(app) does.</summary>
[Blueprint("greeter")]
public partial class GreeterBlueprint
{
    [Route("/")]
    public static string Greet() => $"{Globals.CurrentBlueprint!.Options<GreetingOptions>().Greeting} from {Globals.CurrentBlueprint.Name} at {Globals.CurrentBlueprint.UrlPrefix}";
}
