// The runtime's request paths, served from a Native AOT executable (samples/Aot/check-aot.sh checks the answers).
using System.Text.Json.Serialization;
using Flagon;
using AotSample;

var app = new App(args);
app.JsonOptions.TypeInfoResolverChain.Insert(0, AotJson.Default);
app.RegisterBlueprint<Admin>();
app.Run();

namespace AotSample
{
    using static Flagon.Globals;

    public sealed record Point(int X, int Y);

    /// <summary>A list item for the template: a nested type the template reads members of.</summary>
    public sealed record Item(string Label, int Count);

    // Web defaults (camelCase, case-insensitive), as the app's JsonOptions: Request.Json reads with these.
    [JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(Point))]
    [JsonSerializable(typeof(Point[]))]
    internal sealed partial class AotJson : JsonSerializerContext;

    public static class Views
    {
        [Route("/")]
        public static string Hello() => "Hello World!";

        [Route("/hello/<name>")]
        public static Response HelloTemplate(string name) =>
            Template.Render("hello.html", new { name, items = new[] { new Item("apples", 3), new Item("<pears>", 5) } });

        [Route("/page/<int:pk>")]
        public static string Page(int pk) => $"page {pk}";

        [Route("/point/<int:x>/<int:y>")]
        public static Point PointOf(int x, int y) => new(x, y);

        [Route("/echo", Methods = ["POST"])]
        public static Point Echo() => Request.Json(AotJson.Default.Point) ?? new Point(0, 0);

        [Route("/visit")]
        public static string Visit()
        {
            int visits = int.Parse(Session["visits"] ?? "0") + 1;
            Session["visits"] = visits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"visits={visits}";
        }

        [Route("/go")]
        public static Response Go() => Redirect(UrlFor.Page(pk: 7));

        [Route("/fail")]
        public static string Fail() => throw new KeyNotFoundException("no such thing");

        [ErrorHandler(typeof(KeyNotFoundException))]
        public static (string, int) Missing(Exception e) => ($"missing: {e.Message}", 404);

        [ErrorHandler(404)]
        public static (string, int) NotFound(HttpError e) => ("nothing here", 404);

        [AfterRequest]
        public static Response Stamp(Response response)
        {
            response.Headers["X-Flagon"] = "aot";
            return response;
        }
    }

    [Blueprint("admin", UrlPrefix = "/admin")]
    public partial class Admin
    {
        [Route("/<name>")]
        public static string Hello(string name) => $"admin hello {name} at {UrlFor.Admin.Hello(name: name)}";
    }
}
