using static Flagon.Globals;

namespace Flagon.Runtime.Tests;

/// <summary>A post for the template tests.</summary>
public sealed record Post(string Title, string Author);

/// <summary>Views rendering templates.</summary>
public static class TemplateViews
{
    [Route("/tpl/page")]
    public static Response TplPage() => Template.Render("page.html", new
    {
        title = "Hello & welcome",
        comment = Request.Args["comment"].ToString(),
        trusted = "<em>trusted</em>",
        posts = new[] { new Post("First", "ann"), new Post("Second <b>", "bob") },
    });

    [Route("/tpl/broken")]
    public static Response Broken() => Template.Render("broken.html");

    [Route("/tpl/flash/<message>")]
    public static Response FlashThenRedirect(string message)
    {
        Flash(message);
        return Redirect(UrlFor.TplPage());
    }
}
