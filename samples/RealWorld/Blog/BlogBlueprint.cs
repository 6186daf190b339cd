using Flagon;
using static Flagon.Globals;

namespace RealWorld.Blog;

/// <summary>A blueprint: the blog, with its posts in memory.</summary>
[Blueprint("blog", UrlPrefix = "/blog")]
public partial class BlogBlueprint
{
    private static readonly string[] Posts = ["Hello, Flagon", "Routing at compile time", "Blueprints"];

    [Route("/")]
    public static string Index() =>
        string.Join("\n", Posts.Select((title, i) => $"{UrlFor.BlogBlueprint.Post(id: i + 1)} {title}"));

    [Route("/post/<int(min=1):id>")]
    public static string Post(int id)
    {
        if (id > Posts.Length)
        {
            Abort(404);
        }
        return $"{Posts[id - 1]} (page size {CurrentApp.Config["PAGE_SIZE"]})";
    }

    [ErrorHandler(404)]
    public static (string, int) NoSuchPost(HttpError e) => ("No such blog page", e.Code);
}
