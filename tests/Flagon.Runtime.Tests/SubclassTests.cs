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

    // Overrides each step of the dispatch chain (Flask's full_dispatch_request, preprocess_request, dispatch_request,
    // process_response, do_teardown_request) and records that it ran before calling the base.
    private class TracingApp() : App([], RouteTableRegistry.Tables)
    {
        public List<string> Steps { get; } = [];

        protected override ValueTask<Response?> FullDispatchRequestAsync()
        {
            Steps.Add("full_dispatch_request");
            return base.FullDispatchRequestAsync();
        }

        protected override ValueTask<Response?> PreprocessRequestAsync()
        {
            Steps.Add("preprocess_request");
            return base.PreprocessRequestAsync();
        }

        protected override ValueTask DispatchRequestAsync()
        {
            Steps.Add("dispatch_request");
            return base.DispatchRequestAsync();
        }

        protected override ValueTask<Response> ProcessResponseAsync(Response response)
        {
            Steps.Add("process_response");
            return base.ProcessResponseAsync(response);
        }

        protected override ValueTask DoTeardownRequestAsync(Exception? error)
        {
            Steps.Add("do_teardown_request");
            return base.DoTeardownRequestAsync(error);
        }
    }

    // A subclass of a subclass: the most derived override is the one that runs.
    private sealed class ShortCircuitApp : TracingApp
    {
        protected override ValueTask<Response?> PreprocessRequestAsync()
        {
            Steps.Add("short circuit");
            return new(new Response("answered before the view", 202));
        }
    }

    [Fact]
    public async Task Each_overridden_step_of_the_dispatch_chain_runs_in_flasks_order()
    {
        var app = new TracingApp();
        using var client = app.TestClient();

        var page = await client.Get("/page/1");

        Assert.Equal((200, "page pk=1"), (page.Status, page.Text));
        Assert.Equal(["full_dispatch_request", "preprocess_request", "dispatch_request", "process_response", "do_teardown_request"], app.Steps);
    }

    [Fact]
    public async Task The_most_derived_override_of_a_step_is_the_one_called()
    {
        var app = new ShortCircuitApp();
        using var client = app.TestClient();

        var page = await client.Get("/page/1");

        Assert.Equal((202, "answered before the view"), (page.Status, page.Text));
        Assert.Equal(["full_dispatch_request", "short circuit", "process_response", "do_teardown_request"], app.Steps);
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
        var root = Flagon.Tests.Shared.TemporaryFolders.Create("flagon-static-").FullName;
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

        // Werkzeug: a text type says it is UTF-8.
        Assert.Equal((200, "body { color: red; }", "text/css; charset=utf-8"), (css.Status, css.Text, css.Header("Content-Type")));
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
