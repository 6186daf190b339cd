using static Flagon.Globals;

namespace Flagon.Runtime.Tests.FlaskConformance;

/// <summary>Ported from pallets/flask tests/test_basic.py: the cases about the dispatch chain.</summary>
public class BasicTests
{
    // test_options_work
    [Fact]
    public async Task Options_work()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () => "Hello World", endpoint: "index", methods: ["GET", "POST"]);

        var rv = await app.Client.Open("OPTIONS", "/");

        Assert.Equal("GET, HEAD, OPTIONS, POST", rv.Header("Allow"));
        Assert.Equal("", rv.Text);
    }

    // test_options_on_multiple_rules
    [Fact]
    public async Task Options_on_multiple_rules()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () => "Hello World", endpoint: "index", methods: ["GET", "POST"]);
        app.AddUrlRule("/", () => "Aha!", endpoint: "index_put", methods: ["PUT"]);

        var rv = await app.Client.Open("OPTIONS", "/");

        Assert.Equal("GET, HEAD, OPTIONS, POST, PUT", rv.Header("Allow"));
    }

    // test_request_processing
    [Fact]
    public async Task Request_processing()
    {
        var app = new FlaskApp();
        var evts = new List<string>();
        app.BeforeRequest(() =>
        {
            evts.Add("before");
            return null;
        });
        app.AfterRequest(response =>
        {
            response.Text += "|after";
            evts.Add("after");
            return response;
        });
        app.AddUrlRule("/", () =>
        {
            Assert.Contains("before", evts);
            Assert.DoesNotContain("after", evts);
            return "request";
        }, endpoint: "index");

        var rv = (await app.Client.Get("/")).Text;

        Assert.Contains("after", evts);
        Assert.Equal("request|after", rv);
    }

    // test_request_preprocessing_early_return
    [Fact]
    public async Task Request_preprocessing_early_return()
    {
        var app = new FlaskApp();
        var evts = new List<object>();
        app.BeforeRequest(() => { evts.Add(1); return null; });
        app.BeforeRequest(() => { evts.Add(2); return new Response("hello"); });
        app.BeforeRequest(() => { evts.Add(3); return new Response("bye"); });
        app.AddUrlRule("/", () => { evts.Add("index"); return "damnit"; }, endpoint: "index");

        var rv = (await app.Client.Get("/")).Text;

        Assert.Equal("hello", rv);
        Assert.Equal([1, 2], evts);
    }

    // test_after_request_processing
    [Fact]
    public async Task After_request_processing()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () =>
        {
            AfterThisRequest(response =>
            {
                response.Headers["X-Foo"] = "a header";
                return response;
            });
            return "Test";
        }, endpoint: "index");

        var resp = await app.Client.Get("/");

        Assert.Equal((200, "a header"), (resp.Status, resp.Header("X-Foo")));
    }

    // test_teardown_request_handler
    [Fact]
    public async Task Teardown_request_handler()
    {
        var app = new FlaskApp();
        var called = new List<bool>();
        app.TeardownRequest(exc => called.Add(true));
        app.AddUrlRule("/", () => "Response", endpoint: "root");

        var rv = await app.Client.Get("/");

        Assert.Equal((200, "Response"), (rv.Status, rv.Text));
        Assert.Single(called);
    }

    // test_teardown_request_handler_error
    [Fact]
    public async Task Teardown_request_handler_error()
    {
        var app = new FlaskApp();
        var called = new List<bool>();
        for (int i = 0; i < 2; i++)
        {
            app.TeardownRequest(exc =>
            {
                Assert.IsType<DivideByZeroException>(exc);
                called.Add(true);
                try
                {
                    throw new InvalidCastException();
                }
                catch (InvalidCastException)
                {
                }
            });
        }
        app.AddUrlRule("/", string () => throw new DivideByZeroException(), endpoint: "fails");

        var rv = await app.Client.Get("/");

        Assert.Equal(500, rv.Status);
        Assert.Contains("Internal Server Error", rv.Text);
        Assert.Equal(2, called.Count);
    }

    // test_before_after_request_order
    [Fact]
    public async Task Before_after_request_order()
    {
        var app = new FlaskApp();
        var called = new List<int>();
        app.BeforeRequest(() => { called.Add(1); return null; });
        app.BeforeRequest(() => { called.Add(2); return null; });
        app.AfterRequest(response => { called.Add(4); return response; });
        app.AfterRequest(response => { called.Add(3); return response; });
        app.TeardownRequest(exc => called.Add(6));
        app.TeardownRequest(exc => called.Add(5));
        app.AddUrlRule("/", () => "42", endpoint: "index");

        var rv = await app.Client.Get("/");

        Assert.Equal("42", rv.Text);
        Assert.Equal([1, 2, 3, 4, 5, 6], called);
    }

    // test_error_handling
    [Fact]
    public async Task Error_handling()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler(404, e => new Response("not found", 404));
        app.RegisterErrorHandler(500, e => new Response("internal server error", 500));
        app.RegisterErrorHandler(403, e => new Response("forbidden", 403));
        app.AddUrlRule("/", string () => { Abort(404); return ""; }, endpoint: "index");
        app.AddUrlRule("/error", string () => throw new DivideByZeroException(), endpoint: "error");
        app.AddUrlRule("/forbidden", string () => { Abort(403); return ""; }, endpoint: "error2");

        Assert.Equal((404, "not found"), Status(await app.Client.Get("/")));
        Assert.Equal((500, "internal server error"), Status(await app.Client.Get("/error")));
        Assert.Equal((403, "forbidden"), Status(await app.Client.Get("/forbidden")));
    }

    private static (int, string) Status(Testing.TestResponse response) => (response.Status, response.Text);

    // test_error_handling_processing
    [Fact]
    public async Task Error_handling_processing()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler(500, e => new Response("internal server error", 500));
        app.AddUrlRule("/", string () => throw new DivideByZeroException(), endpoint: "broken_func");
        app.AfterRequest(resp =>
        {
            resp.ContentType = "text/x-special";
            return resp;
        });

        var resp = await app.Client.Get("/");

        Assert.Equal(("text/x-special", "internal server error"), (resp.ContentType, resp.Text));
    }

    // test_before_request_and_routing_errors
    [Fact]
    public async Task Before_request_and_routing_errors()
    {
        var app = new FlaskApp();
        app.BeforeRequest(() =>
        {
            G["something"] = "value";
            return null;
        });
        app.RegisterErrorHandler(404, error => new Response(G.Get<string>("something", null), 404));

        var rv = await app.Client.Get("/");

        Assert.Equal((404, "value"), Status(rv));
    }

    private sealed class MyException : Exception;

    // test_user_error_handling
    [Fact]
    public async Task User_error_handling()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler<MyException>(e => new Response("42"));
        app.AddUrlRule("/", string () => throw new MyException(), endpoint: "index");

        Assert.Equal("42", (await app.Client.Get("/")).Text);
    }

    private class Forbidden() : HttpError(403);

    private sealed class ForbiddenSubclass : Forbidden;

    // test_http_error_subclass_handling
    [Fact]
    public async Task Http_error_subclass_handling()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler<ForbiddenSubclass>(e => new Response("banana"));
        app.RegisterErrorHandler(403, e =>
        {
            Assert.IsNotType<ForbiddenSubclass>(e);
            return new Response("apple");
        });
        app.AddUrlRule("/1", string () => throw new ForbiddenSubclass(), endpoint: "index1");
        app.AddUrlRule("/2", string () => { Abort(403); return ""; }, endpoint: "index2");
        app.AddUrlRule("/3", string () => throw new Forbidden(), endpoint: "index3");

        Assert.Equal("banana", (await app.Client.Get("/1")).Text);
        Assert.Equal("apple", (await app.Client.Get("/2")).Text);
        Assert.Equal("apple", (await app.Client.Get("/3")).Text);
    }

    // test_error_handler_after_processor_error
    [Theory]
    [InlineData("before")]
    [InlineData("after")]
    public async Task Error_handler_after_processor_error(string trigger)
    {
        var app = new FlaskApp();
        app.BeforeRequest(() => trigger == "before" ? throw new DivideByZeroException() : null);
        app.AfterRequest(response => trigger == "after" ? throw new DivideByZeroException() : response);
        app.AddUrlRule("/", () => "Foo", endpoint: "index");
        app.RegisterErrorHandler(500, e => new Response("Hello Server Error", 500));

        var rv = await app.Client.Get("/");

        Assert.Equal((500, "Hello Server Error"), Status(rv));
    }

    // test_url_processors (the preprocessor cannot pop the value: a view's parameters are bound from its rule)
    [Fact]
    public async Task Url_processors()
    {
        var app = new FlaskApp();
        app.UrlDefaults((endpoint, values) =>
        {
            if (G.Get<string>("lang_code", null) is { } lang && endpoint == "about")
            {
                values.TryAdd("lang_code", lang);
            }
        });
        app.UrlValuePreprocessor((endpoint, values) => G["lang_code"] = values.TryGetValue("lang_code", out var lang) ? lang : null);
        app.AddUrlRule("/<lang_code>/", (string lang_code) => Url.For("about"), endpoint: "index");
        app.AddUrlRule("/<lang_code>/about", (string lang_code) => Url.For("something_else"), endpoint: "about");
        app.AddUrlRule("/foo", () => Url.For("about", new { lang_code = "en" }), endpoint: "something_else");

        Assert.Equal("/de/about", (await app.Client.Get("/de/")).Text);
        Assert.Equal("/foo", (await app.Client.Get("/de/about")).Text);
        Assert.Equal("/en/about", (await app.Client.Get("/foo")).Text);
    }

    // test_session_vary_cookie
    [Theory]
    [InlineData("/set", "Cookie")]
    [InlineData("/get", "Cookie")]
    [InlineData("/clear", "Cookie")]
    [InlineData("/vary-cookie-header-set", "Cookie")]
    [InlineData("/vary-header-set", "Accept-Encoding, Accept-Language, Cookie")]
    [InlineData("/no-vary-header", null)]
    public async Task Session_vary_cookie(string path, string? headerValue)
    {
        var app = new FlaskApp();
        app.AddUrlRule("/set", () => { Session["test"] = "test"; return ""; }, endpoint: "set_session");
        app.AddUrlRule("/get", () => Session["test"] ?? "", endpoint: "get");
        app.AddUrlRule("/clear", () => { Session.Clear(); return ""; }, endpoint: "clear");
        app.AddUrlRule("/vary-cookie-header-set", () =>
        {
            var response = new Response();
            response.Headers.Vary = "Cookie";
            Session["test"] = "test";
            return response;
        }, endpoint: "vary_cookie_header_set");
        app.AddUrlRule("/vary-header-set", () =>
        {
            var response = new Response();
            response.Headers.Vary = "Accept-Encoding, Accept-Language";
            Session["test"] = "test";
            return response;
        }, endpoint: "vary_header_set");
        app.AddUrlRule("/no-vary-header", () => "", endpoint: "no_vary_header");

        var rv = await app.Client.Get(path);

        if (headerValue is null)
        {
            Assert.False(rv.Message.Headers.Contains("Vary"));
        }
        else
        {
            // The 'Vary' key should exist in the headers only once.
            Assert.Equal(headerValue, string.Join(", ", rv.Message.Headers.GetValues("Vary")));
        }
    }

    // test_session_refresh_vary
    [Fact]
    public async Task Session_refresh_vary()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/login", () =>
        {
            Session["user_id"] = "1";
            Session.Permanent = true;
            return "";
        }, endpoint: "login");
        app.AddUrlRule("/ignored", () => "", endpoint: "ignored");

        var login = await app.Client.Get("/login");
        var ignored = await app.Client.Get("/ignored");

        Assert.Equal("Cookie", login.Header("Vary"));
        Assert.Equal("Cookie", ignored.Header("Vary"));
        Assert.NotNull(ignored.Header("Set-Cookie"));
    }

    // test_response_types: an invalid return is an error, not a response (test_response_type_errors)
    [Fact]
    public async Task Response_type_errors()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/none", string? () => null, endpoint: "from_none");
        app.AddUrlRule("/large_tuple", () => ("Hello", 1000), endpoint: "large_tuple");

        Assert.Equal(500, (await app.Client.Get("/none")).Status);
        Assert.Equal(500, (await app.Client.Get("/large_tuple")).Status);
    }
}
