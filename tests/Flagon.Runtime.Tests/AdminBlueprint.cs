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
}
