using Flagon.Routing;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests.FlaskConformance;

/// <summary>
/// Ported from pallets/flask tests/test_basic.py: the cases about routing and url_for (the dispatch chain's are in
/// <see cref="BasicTests"/>). Each test names the Flask test it ports. Not ported, because C# says it at build time:
/// test_method_route_no_methods and test_disallow_string_for_allowed_methods (a string where a list of methods is
/// expected is a type error, not a run-time one). Not ported, because Flagon has no such API: the
/// provide_automatic_options tests (an explicit OPTIONS method is the way to answer OPTIONS yourself, tested by
/// test_url_mapping below), test_werkzeug_routing and test_endpoint_decorator (Werkzeug Rule/Submount objects and
/// view_functions), test_build_error_handler's url_build_error_handlers and test_inject_blueprint_url_defaults
/// (url_defaults on a blueprint).
/// </summary>
public class RoutingTests
{
    // test_method_route (Flask's app.get/post/... are rules with one method)
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Method_route(string method)
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () => "Hello", endpoint: "hello", methods: [method]);

        Assert.Equal("Hello", (await app.Client.Open(method, "/")).Text);
        Assert.Equal(method == "GET" ? 200 : 405, (await app.Client.Get("/")).Status);
    }

    // test_request_dispatching
    [Fact]
    public async Task Request_dispatching()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () => Request.Method, endpoint: "index");
        app.AddUrlRule("/more", () => Request.Method, endpoint: "more", methods: ["GET", "POST"]);

        await AssertIndexAndMoreDispatch(app);
    }

    // What test_request_dispatching and test_url_mapping both ask of "/" (GET) and "/more" (GET, POST).
    private static async Task AssertIndexAndMoreDispatch(FlaskApp app)
    {
        Assert.Equal("GET", (await app.Client.Get("/")).Text);
        var rv = await app.Client.Post("/");
        Assert.Equal(405, rv.Status);
        Assert.Equal("GET, HEAD, OPTIONS", rv.Header("Allow"));
        rv = await app.Client.Open("HEAD", "/");
        Assert.Equal(200, rv.Status);
        Assert.Empty(rv.Bytes);
        Assert.Equal("POST", (await app.Client.Post("/more")).Text);
        Assert.Equal("GET", (await app.Client.Get("/more")).Text);
        rv = await app.Client.Open("DELETE", "/more");
        Assert.Equal(405, rv.Status);
        Assert.Equal("GET, HEAD, OPTIONS, POST", rv.Header("Allow"));
    }

    // test_url_mapping: methods in lower case are methods; a rule that lists OPTIONS answers it itself
    [Fact]
    public async Task Url_mapping()
    {
        const string randomUuid4 = "7eb41166-9ebf-4d26-b771-ea3f54f8b383";
        var app = new FlaskApp();
        app.AddUrlRule("/", () => Request.Method, endpoint: "index");
        app.AddUrlRule("/more", () => Request.Method, endpoint: "more", methods: ["GET", "POST"]);
        app.AddUrlRule("/options", () => randomUuid4, endpoint: "options", methods: ["options"]);

        await AssertIndexAndMoreDispatch(app);
        var rv = await app.Client.Open("OPTIONS", "/options");
        Assert.Equal(200, rv.Status);
        Assert.Contains(randomUuid4, rv.Text);
    }

    // test_url_generation
    [Fact]
    public void Url_generation()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/hello/<name>", (string name) => "", endpoint: "hello", methods: ["POST"]);

        using (app.TestRequestContext())
        {
            Assert.Equal("/hello/test%20x", Url.For("hello", new { name = "test x" }));
            Assert.Equal("http://localhost/hello/test%20x", Url.For("hello", new { name = "test x" }, external: true));
        }
    }

    // test_build_error_handler (its first part: an unknown endpoint is a build error)
    [Fact]
    public void Build_error()
    {
        var app = new FlaskApp();
        using (app.TestRequestContext())
        {
            var error = Assert.Throws<UrlBuildException>(() => Url.For("spam"));
            Assert.Equal("spam", error.Endpoint);
        }
    }

    // test_nonascii_pathinfo
    [Fact]
    public async Task Nonascii_pathinfo()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/киртест", () => "Hello World!", endpoint: "index");

        Assert.Equal("Hello World!", (await app.Client.Get("/киртест")).Text);
        using (app.TestRequestContext())
        {
            Assert.Equal("/%D0%BA%D0%B8%D1%80%D1%82%D0%B5%D1%81%D1%82", Url.For("index"));
        }
    }

    // test_no_setup_after_first_request
    [Fact]
    public async Task No_setup_after_first_request()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () => "Awesome", endpoint: "index");

        Assert.Equal("Awesome", (await app.Client.Get("/")).Text);
        var error = Assert.Throws<InvalidOperationException>(() => app.AddUrlRule("/foo", () => "late", endpoint: "late"));
        Assert.Contains("setup method 'AddUrlRule'", error.Message);
    }

    // test_routing_redirect_debugging (its first part: the slash redirect is a 308, which keeps the method and the form;
    // its Location is the path, where Werkzeug writes http://localhost/user/: docs/routing.md, where Flagon differs)
    [Fact]
    public async Task Routing_redirect_keeps_the_form()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/user/", () => Request.Form["status"], endpoint: "user", methods: ["GET", "POST"]);

        var rv = await app.Client.Post("/user", form: [new("status", "success")]);
        Assert.Equal(308, rv.Status);
        Assert.Equal("/user/", rv.Header("Location"));
        Assert.Equal("success", (await app.Client.Post("/user", form: [new("status", "success")], followRedirects: true)).Text);
    }

    // test_route_decorator_custom_endpoint
    [Fact]
    public async Task Route_decorator_custom_endpoint()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/foo/", () => Request.Endpoint ?? "", endpoint: "foo");
        app.AddUrlRule("/bar/", () => Request.Endpoint ?? "", endpoint: "bar");
        app.AddUrlRule("/bar/123", () => Request.Endpoint ?? "", endpoint: "123");

        using (app.TestRequestContext())
        {
            Assert.Equal("/foo/", Url.For("foo"));
            Assert.Equal("/bar/", Url.For("bar"));
            Assert.Equal("/bar/123", Url.For("123"));
        }
        Assert.Equal("foo", (await app.Client.Get("/foo/")).Text);
        Assert.Equal("bar", (await app.Client.Get("/bar/")).Text);
        Assert.Equal("123", (await app.Client.Get("/bar/123")).Text);
    }

    // test_multi_route_rules
    [Fact]
    public async Task Multi_route_rules()
    {
        var app = new FlaskApp();
        var index = (string test = "a") => test;
        app.AddUrlRule("/", index, endpoint: "index");
        app.AddUrlRule("/<test>/", index, endpoint: "index");

        Assert.Equal("a", (await app.Client.Get("/")).Text);
        Assert.Equal("b", (await app.Client.Get("/b/")).Text);
    }

    // test_multi_route_class_views
    [Fact]
    public async Task Multi_route_class_views()
    {
        var app = new FlaskApp();
        _ = new ClassView(app);

        Assert.Equal("a", (await app.Client.Get("/")).Text);
        Assert.Equal("b", (await app.Client.Get("/b/")).Text);
    }

    // Not a Flask test: Flask's idiom `return request.args["q"]` gives the field's first value as text, compiled
    // (a lambda with a literal rule) and added at run time (a computed rule); a before-request hook's the same way.
    [Fact]
    public async Task A_view_returning_a_query_field_answers_its_first_value_as_text()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/q", () => Request.Args["q"], endpoint: "q");
        string computed = "/" + "form";
        app.AddUrlRule(computed, () => Request.Form["f"], endpoint: "form", methods: ["POST"]);

        var rv = await app.Client.Get("/q?q=a&q=b");
        Assert.Equal((200, "a", "text/html; charset=utf-8"), (rv.Status, rv.Text, rv.Header("Content-Type")));
        Assert.Equal("x y", (await app.Client.Post("/form", form: [new("f", "x y")])).Text);
        // A field that was not sent: Flask's request.args["q"] raises BadRequestKeyError, a 400 (not the 500 of a view
        // that returned None).
        var missing = await app.Client.Get("/q");
        Assert.Equal(400, missing.Status);
        Assert.Contains("<title>400 Bad Request</title>", missing.Text);
        Assert.Equal(400, (await app.Client.Post("/form", form: [new("g", "1")])).Status);

        // What generated code calls for a [BeforeRequest] hook returning a field: its first value answers, no value does not.
        Assert.Equal("early", (await Flagon.Dispatch.Hooks.Before(new Microsoft.Extensions.Primitives.StringValues(["early", "late"])))?.Text);
        Assert.Null(await Flagon.Dispatch.Hooks.Before(Microsoft.Extensions.Primitives.StringValues.Empty));
    }

    // Not a Flask test (Werkzeug takes whichever rule was registered first): in Flagon a rule that lists HEAD itself
    // answers HEAD before a GET rule's implied HEAD at the same path (docs/routing.md, Methods), whichever was added first, and also when the two rules are in different tables (each literal AddUrlRule is compiled apart,
    // a computed one is a run-time rule).
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task An_explicit_head_rule_answers_head_whatever_the_order_and_table(bool headFirst, bool runTime)
    {
        var app = new FlaskApp();
        string rule = runTime ? string.Concat("/", "x") : "/x";
        void AddGet() => app.AddUrlRule("/x", () => new Response("get") { Headers = { ["X-View"] = "get" } }, endpoint: "get");
        void AddHead()
        {
            if (runTime)
            {
                app.AddUrlRule(rule, () => new Response("") { Headers = { ["X-View"] = "head" } }, endpoint: "head", methods: ["HEAD"]);
            }
            else
            {
                app.AddUrlRule("/x", () => new Response("") { Headers = { ["X-View"] = "head" } }, endpoint: "head", methods: ["HEAD"]);
            }
        }
        if (headFirst)
        {
            AddHead();
            AddGet();
        }
        else
        {
            AddGet();
            AddHead();
        }

        Assert.Equal("head", (await app.Client.Open("HEAD", "/x")).Header("X-View"));
        Assert.Equal("get", (await app.Client.Get("/x")).Header("X-View"));
    }

    // Not a Flask test (Flask lets it propagate to the WSGI server, which answers a plain 500): a 500 handler that
    // throws too gives Werkzeug's plain 500 page, and the process goes on serving.
    [Fact]
    public async Task A_500_handler_that_throws_gives_the_plain_500_page()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/boom", string () => throw new InvalidOperationException("the view fails"), endpoint: "boom");
        app.AddUrlRule("/fine", () => "fine", endpoint: "fine");
        app.RegisterErrorHandler(500, _ => throw new InvalidOperationException("the handler fails too"));

        var rv = await app.Client.Get("/boom");

        Assert.Equal(500, rv.Status);
        Assert.Contains("Internal Server Error", rv.Text);
        Assert.DoesNotContain("fails", rv.Text);
        Assert.Equal("fine", (await app.Client.Get("/fine")).Text);
    }

    // Not Flask's (its redirect() goes anywhere): Redirect refuses another site unless asked, so a next= parameter
    // passed on unchecked is an error, not an open redirect.
    [Theory]
    [InlineData("/admin/pages", true)]
    [InlineData("page2", true)]
    [InlineData("?page=2", true)]
    [InlineData("http://localhost/admin", true)]       // this site, as Url.For(..., external: true) writes it
    [InlineData("http://localhost", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("http://localhost.evil.example/", false)]
    [InlineData("http://localhost@evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    public async Task Redirect_refuses_another_site_unless_asked(string location, bool allowed)
    {
        var app = new FlaskApp();
        app.AddUrlRule("/go", () => Redirect(Request.Args["to"].ToString()), endpoint: "go");
        app.AddUrlRule("/away", () => Redirect(Request.Args["to"].ToString(), allowOtherOrigins: true), endpoint: "away");

        var rv = await app.Client.Get("/go", query: [new("to", location)]);
        var away = await app.Client.Get("/away", query: [new("to", location)]);

        Assert.Equal(allowed ? 302 : 500, rv.Status);
        Assert.Equal(302, away.Status);
        Assert.NotNull(away.Header("Location"));
    }

    [Theory]
    [InlineData("/admin", true)]
    [InlineData("/", true)]
    [InlineData("page", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("/admin\nSet-Cookie: x=1", false)]
    [InlineData("mailto:a@b.example", false)]
    public void Url_IsLocal_says_whether_a_url_stays_on_this_site(string? url, bool local) => Assert.Equal(local, Url.IsLocal(url));

    private sealed class ClassView
    {
        public ClassView(App app)
        {
            app.AddUrlRule("/", Index, endpoint: "index");
            app.AddUrlRule("/<test>/", Index, endpoint: "index");
        }

        public string Index(string test = "a") => test;
    }
}
