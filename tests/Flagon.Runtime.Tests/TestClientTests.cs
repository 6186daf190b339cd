using Flagon.Routing;
using Flagon.Testing;

namespace Flagon.Runtime.Tests;

/// <summary>Flask's test client: the app served in memory through the whole pipeline, cookies kept.</summary>
public class TestClientTests
{
    private sealed class TestedApp(params KeyValuePair<string, string?>[] settings) : App([], RouteTableRegistry.Tables)
    {
        public TestedApp Configured()
        {
            ConfigFrom(settings);
            return this;
        }
    }

    [Fact]
    public async Task The_test_client_serves_the_app_in_memory_and_keeps_the_session()
    {
        var app = new TestedApp();
        using var client = app.TestClient();

        Assert.Equal("page pk=5", await client.GetStringAsync("/page/5"));
        Assert.Equal("visits=1", (await client.Get("/session/visit")).Text);
        Assert.Equal("visits=2", (await client.Get("/session/visit")).Text);
        Assert.Equal(404, (await client.Get("/nope")).Status);
    }

    [Fact]
    public void The_test_client_must_come_before_the_app_is_built()
    {
        var app = new TestedApp();
        using var web = app.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.TestClient());

        Assert.Contains("before the app is built", error.Message);
    }

    [Fact]
    public async Task Requests_carry_query_values_headers_forms_raw_data_and_json()
    {
        using var client = new TestedApp().TestClient();

        var get = await client.Get("/echo?q=a", query: [new("q", "b c")], headers: [new("X-Test", "yes")]);
        var form = await client.Post("/echo", form: [new("name", "Ann & Bob")]);
        var data = await client.Put("/echo", data: "<raw/>", contentType: "application/xml");
        var patch = await client.Patch("/echo", data: "p");
        var delete = await client.Delete("/echo", query: [new("q", "gone")]);
        var json = await client.Post("/echo/json", json: new Point(4, 5));

        Assert.StartsWith("GET q=a,b c h=yes form= data=", get.Text);
        Assert.StartsWith("POST q= h= form=Ann & Bob", form.Text);
        Assert.Equal("PUT q= h= form= data=<raw/> type=application/xml", data.Text);
        Assert.Equal("PATCH q= h= form= data=p type=text/plain; charset=utf-8", patch.Text);
        Assert.StartsWith("DELETE q=gone", delete.Text);
        Assert.Equal(new Point(40, 5), json.Json<Point>());
        Assert.Equal("application/json", json.ContentType);
        var jsonified = await client.Get("/jsonify/7");
        Assert.Equal((201, "{\"x\":7,\"y\":-7}", "application/json"), (jsonified.Status, jsonified.Text, jsonified.ContentType));
        Assert.Equal("text/html; charset=utf-8", get.Header("Content-Type"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Post("/echo", form: [], data: "x"));
    }

    [Fact]
    public async Task Task_and_ValueTask_of_every_return_shape_are_awaited_and_converted()
    {
        using var client = new TestedApp().TestClient();

        var json = await client.Get("/async/json/3");
        var status = await client.Get("/async/status");
        var response = await client.Get("/async/response");
        var bytes = await client.Get("/async/bytes");
        var headers = await client.Get("/async/headers");

        Assert.Equal((200, "{\"x\":3,\"y\":3}", "application/json"), (json.Status, json.Text, json.ContentType));
        Assert.Equal((202, "made later", "text/html; charset=utf-8"), (status.Status, status.Text, status.ContentType));
        Assert.Equal((203, "value task response"), (response.Status, response.Text));
        Assert.Equal((200, "bytes later"), (bytes.Status, bytes.Text));
        Assert.Equal((201, "with headers", "yes"), (headers.Status, headers.Text, headers.Header("X-Later")));
    }

    [Fact]
    public async Task Redirects_are_followed_only_when_asked_with_their_history()
    {
        using var client = new TestedApp().TestClient();

        var stopped = await client.Get("/bounce");
        var followed = await client.Post("/bounce", form: [new("name", "x")], followRedirects: true);
        var kept = await client.Post("/bounce-keep", data: "body", followRedirects: true);

        Assert.Equal((302, "/echo?q=bounced"), (stopped.Status, stopped.Location));
        // 302 after a POST: a GET without the body, as browsers do; 307 keeps the method and the body.
        Assert.StartsWith("GET q=bounced h= form= data=", followed.Text);
        Assert.Equal([302], followed.History.Select(r => r.Status));
        Assert.StartsWith("POST q=kept h= form= data=body", kept.Text);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Get("/loop", followRedirects: true));

        client.FollowRedirects = true;
        Assert.Equal(200, (await client.Get("/bounce")).Status);
    }

    [Fact]
    public async Task A_session_transaction_reads_and_sets_the_session_between_requests()
    {
        using var client = new TestedApp().TestClient();
        await client.Get("/session/login/ann");

        using (var session = client.SessionTransaction())
        {
            Assert.Equal("ann", session["user"]);
            session["user"] = "bob";
        }

        Assert.Equal("user=bob permanent=False", (await client.Get("/session/user")).Text);
        using (var session = client.SessionTransaction())
        {
            Assert.Equal("bob", session.Session["user"]);
        }
    }

    [Fact]
    public async Task In_testing_mode_an_unhandled_exception_reaches_the_test()
    {
        using var plain = new TestedApp().TestClient();
        using var testing = new TestedApp(new KeyValuePair<string, string?>("TESTING", "true")).Configured().TestClient();

        // Without TESTING the app's 500 handler answers (the test views have one).
        Assert.Equal(500, (await plain.Get("/explode")).Status);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => testing.Get("/explode"));
        Assert.Equal("boom from the view", error.Message);
    }

    /// <summary>Flask-Testing's TestCase: create_app per test, a client, and a request context for the test body.</summary>
    public sealed class FlagonTestCaseTests : FlagonTestCase
    {
        public static int AppsMade;

        protected override App CreateApp()
        {
            Interlocked.Increment(ref AppsMade);
            return new TestedApp();
        }

        [Fact]
        public async Task Each_test_gets_an_app_a_client_and_a_request_context()
        {
            Assert.True(App.Testing);
            Assert.True(Globals.HasRequestContext);
            Assert.Same(App, Globals.CurrentApp);
            Assert.Equal("/page/3", UrlFor.Page(pk: 3));
            Assert.Equal("page pk=3", (await Client.Get(UrlFor.Page(pk: 3))).Text);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Client.Get("/explode"));
        }

        [Fact]
        public void Disposing_pops_the_context()
        {
            var app = App;
            Dispose();
            Assert.False(Globals.HasAppContext && ReferenceEquals(Globals.CurrentApp, app));
        }
    }
}
