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

    [Route("/tpl/no-session")]
    public static Response NoSession() => Template.RenderString("<p>{{ title }} {{ request.path }}</p>", new { title = "plain" });

    [Route("/tpl/reads-session")]
    public static Response ReadsSession() => Template.RenderString("<p>{{ session.user }}</p>");

    [Route("/tpl/broken")]
    public static Response Broken() => Template.Render("broken.html");

    [Route("/tpl/flash/<message>")]
    public static Response FlashThenRedirect(string message)
    {
        Flash(message);
        return Redirect(UrlFor.TplPage());
    }
}

/// <summary>Template filters and context processors registered by generated code.</summary>
public static class TemplateFunctionsViews
{
    [TemplateFilter]
    public static string Reverse(string value) => new(value.Reverse().ToArray());

    [TemplateFilter("repeat")]
    public static string Repeat(string value, int times, string? separator = null) => string.Join(separator ?? "", Enumerable.Repeat(value, times));

    [ContextProcessor]
    public static Dictionary<string, object?> Site() => new() { ["site_name"] = "generated site" };

    [Route("/tpl/functions")]
    public static Response Functions() => Template.RenderString("""{{ "abc" | reverse }} {{ "ab" | repeat: 3, "-" }} {{ site_name }} {{ section }}""");
}
