using Flagon;
using static Flagon.Globals;

namespace RealWorld.Admin;

/// <summary>A blueprint whose prefix comes from the settings, behind a session login.</summary>
[Blueprint("admin")]
public partial class AdminBlueprint
{
    [BeforeRequest]
    public static Response? RequireLogin() =>
        Session["user"] is null && !Request.Path.EndsWith("/login", StringComparison.Ordinal)
            ? Redirect(UrlFor.AdminBlueprint.Login())
            : null;

    [Route("/")]
    public static string Dashboard() => $"Hello, {Session["user"]}!";

    [Route("/login", Methods = ["GET", "POST"])]
    public static Response Login()
    {
        if (Request.Method == "POST" && Request.Form["user"] is { Count: > 0 } user)
        {
            Session["user"] = user.ToString();
            return Redirect(UrlFor.AdminBlueprint.Dashboard());
        }
        return MakeResponse("""<form method="post"><input name="user"><button>Log in</button></form>""");
    }
}
