// The seed's benchmark app in Flagon: "/", "/environ" and "/template", written as a Flask user would write them.
using Flagon;
using Flagon.HttpBenchmarks;
using static Flagon.Globals;

var app = new App(args);
app.Run();

static partial class Views
{
    // Flask: return Response("Hello, world!", mimetype="text/plain")
    [Route("/")]
    public static Response Hello() => new(SeedPages.Hello, mimetype: "text/plain");

    // Flask: the request's environ, one line per entry
    [Route("/environ")]
    public static Response Environ() => new(SeedPages.Environ(Request.Environ), mimetype: "text/plain");

    // Flask: return render_template("template.html", title=..., items=...)
    [Route("/template")]
    public static Response Page() => Template.Render("template.html", new PageModel(SeedPages.Title, SeedPages.Items));
}

/// <summary>The values of template.html.</summary>
public sealed record PageModel(string Title, string[] Items);
