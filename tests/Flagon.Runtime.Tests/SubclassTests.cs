using Flagon.Routing;
using Microsoft.AspNetCore.Http;

namespace Flagon.Runtime.Tests;

/// <summary>
/// The seed's slide 37: subclass the app and override what it does (send_static_file, handle_exception); and the
/// built-in static endpoint that the first of them serves.
/// </summary>
public class SubclassTests
{
    private sealed class PlainApp(string contentRoot) : App(["--contentRoot", contentRoot], []);

    private sealed class CustomApp(string contentRoot) : App(["--contentRoot", contentRoot], [])
    {
        public override Response SendStaticFile(string filename)
        {
            var response = base.SendStaticFile(filename);
            response.Headers["X-Static"] = "custom";
            return response;
        }

        protected override ValueTask<Response?> HandleExceptionAsync(Exception exception) =>
            new(new Response($"custom handling of {exception.GetType().Name}", 503));
    }

    internal static string Fail() => throw new TimeoutException();

    private sealed class EnvelopeApp() : App([], RouteTableRegistry.Tables)
    {
        protected override Response MakeResponse(object? value) =>
            value is Point point ? base.MakeResponse(new Dictionary<string, Point> { ["data"] = point }) : base.MakeResponse(value);
    }

    [Fact]
    public async Task A_subclass_overrides_the_make_response_step_for_data_values()
    {
        var app = new EnvelopeApp();
        app.AddUrlRule("/runtime-point", () => new Point(1, 2), endpoint: "runtime_point");
        using var client = app.TestClient();

        var compiled = await client.Get("/shapes/json");
        var runtime = await client.Get("/runtime-point");
        var text = await client.Get("/page/1");

        Assert.Equal("{\"data\":{\"x\":3,\"y\":4}}", compiled.Text);
        Assert.Equal("{\"data\":{\"x\":1,\"y\":2}}", runtime.Text);
        Assert.Equal("page pk=1", text.Text);
    }

    private static string StaticRoot()
    {
        var root = Directory.CreateTempSubdirectory("flagon-static-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "static", "css"));
        File.WriteAllText(Path.Combine(root, "static", "css", "style.css"), "body { color: red; }");
        // A real file beside the static folder: a traversal that worked would serve it.
        File.WriteAllText(Path.Combine(root, "secret.txt"), "the secret");
        return root;
    }

    [Fact]
    public async Task The_static_endpoint_serves_files_and_builds_their_urls()
    {
        var app = new PlainApp(StaticRoot());
        using var client = app.TestClient();

        var css = await client.Get("/static/css/style.css");
        var missing = await client.Get("/static/nope.css");
        // The client keeps %2F encoded (a plain ../ would be resolved before sending); the converter decodes it.
        var escape = await client.Get("/static/..%2Fsecret.txt");
        var deeper = await client.Get("/static/css/..%2F..%2Fsecret.txt");

        Assert.Equal((200, "body { color: red; }", "text/css"), (css.Status, css.Text, css.Header("Content-Type")));
        Assert.Equal(404, missing.Status);
        Assert.Equal(404, escape.Status);
        Assert.Equal(404, deeper.Status);
        Assert.DoesNotContain("the secret", escape.Text + deeper.Text);
        Assert.Equal(404, Assert.Throws<HttpError>(() => app.SendStaticFile("../secret.txt")).Code);
        Assert.Equal(404, Assert.Throws<HttpError>(() => app.SendStaticFile("css/../../secret.txt")).Code);
        using (app.AppContext())
        {
            Assert.Equal("/static/css/style.css", Url.For("static", new Dictionary<string, object?> { ["filename"] = "css/style.css" }));
        }
    }

    [Fact]
    public async Task A_subclass_overrides_how_static_files_are_sent_and_exceptions_handled()
    {
        var app = new CustomApp(StaticRoot());
        app.AddUrlRule("/fail", Fail, endpoint: "fail");
        using var client = app.TestClient();

        var css = await client.Get("/static/css/style.css");
        var failed = await client.Get("/fail");

        Assert.Equal(("custom", "body { color: red; }"), (css.Header("X-Static"), css.Text));
        Assert.Equal((503, "custom handling of TimeoutException"), (failed.Status, failed.Text));
    }
}
