using Flagon.Contexts;
using Flagon.Routing;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests;

/// <summary>
/// App and request contexts as Flask has them: the seed's slides 22 and 26 line for line, the errors outside a
/// context, contexts that follow await and do not leak between concurrent requests.
/// </summary>
// These tests use Request, G and CurrentApp outside a context on purpose, to see the run-time error that the
// analyzer (FLG0201/FLG0202) reports at build time.
#pragma warning disable FLG0201, FLG0202
public class ContextTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    private sealed class ShellApp() : App([], RouteTableRegistry.Tables);

    [Fact]
    public void The_seeds_slide_22_session()
    {
        var app = new ShellApp();                                   // In [2]: app = Flask('appname')
        Assert.Throws<OutsideContextException>(() => CurrentApp);   // In [4]: current_app -> <LocalProxy unbound>
        using (app.AppContext())                                    // In [5]: with app.app_context(): print(repr(current_app))
        {
            Assert.Same(app, CurrentApp);
        }
        Assert.Throws<OutsideContextException>(() => Request);      // In [6]: request -> <LocalProxy unbound>
        using (app.TestRequestContext())                            // In [7]: with app.test_request_context(): print(repr(request))
        {
            Assert.Equal("<Request 'http://localhost/' [GET]>", Request.ToString());
        }
    }

    // Werkzeug's MultiDict: request.args["a"] and .get("a") are the first value, getlist every one, and
    // .get(key, default, type=int) the default when the value does not convert.
    [Fact]
    public void Args_and_form_read_as_Werkzeugs_MultiDict()
    {
        var app = new ShellApp();
        using (app.TestRequestContext("/?a=1&a=2&n=5&bad=x&empty=", method: "POST", body: "f=x&f=y&k=7", contentType: "application/x-www-form-urlencoded"))
        {
            Assert.Equal("1", Request.Args.Get("a"));
            Assert.Equal(["1", "2"], Request.Args.GetList("a"));
            Assert.Equal(5, Request.Args.Get("n", 0));
            Assert.Equal(3, Request.Args.Get("bad", 3));
            Assert.Equal(4, Request.Args.Get("missing", 4));
            Assert.Equal(2.5, Request.Args.Get("missing", 2.5));
            Assert.Null(Request.Args.Get("missing"));
            Assert.Equal("d", Request.Args.Get("missing", "d"));
            Assert.Equal("", Request.Args.Get("empty"));
            Assert.Empty(Request.Args.GetList("missing"));
            // ASP.NET Core's own indexer: every value, joined with commas as text.
            Assert.Equal("1,2", Request.Args["a"].ToString());

            Assert.Equal("x", Request.Form.Get("f"));
            Assert.Equal(["x", "y"], Request.Form.GetList("f"));
            Assert.Equal(7, Request.Form.Get("k", 0));
            Assert.Equal("none", Request.Form.Get("missing", "none"));
        }
    }

    // Flask's session is a dict: get with a default, pop; Flagon keeps text and reads it back typed.
    [Fact]
    public void The_session_reads_as_Flasks_dict()
    {
        var app = new ShellApp();
        app.Config["SECRET_KEY"] = "test";
        using (app.TestRequestContext())
        {
            Assert.Equal(0, Session.Get("visits", 0));
            Session.Set("visits", Session.Get("visits", 0) + 1);
            Session.Set("ratio", 0.5);
            Session.Set("name", "ann");
            Assert.Equal((1, "1"), (Session.Get("visits", 0), Session["visits"]));
            Assert.Equal(("0.5", 0.5), (Session["ratio"], Session.Get("ratio", 0.0)));
            Assert.Equal(7, Session.Get("name", 7));
            Assert.Equal("none", Session.Get("missing", "none"));
            Assert.Null(Session.Get("missing"));
            Assert.Equal("ann", Session.Pop("name"));
            Assert.Null(Session.Pop("name"));
            Assert.False(Session.ContainsKey("name"));
            Session.Set<string>("visits", null);
            Assert.False(Session.ContainsKey("visits"));
            Assert.True(Session.Modified);
        }
    }

    [Fact]
    public void The_seeds_slide_26_shell_push_and_pop()
    {
        var app = new ShellApp();
        var ctx = app.TestRequestContext("/page/1?x=y", method: "POST");
        ctx.Push();
        Assert.Equal("<Request 'http://localhost/page/1?x=y' [POST]>", Request.ToString());
        Assert.Equal("y", Request.Args["x"]);
        Assert.Equal("/page/1", UrlFor.Page(pk: 1));
        ctx.Pop();

        Assert.False(HasRequestContext);
        Assert.False(RequestContext.IsActive);
        Assert.Throws<OutsideContextException>(() => Request);
    }

    [Fact]
    public void IsActive_says_which_context_is_pushed()
    {
        var app = new ShellApp();
        Assert.False(RequestContext.IsActive);
        Assert.False(AppContextScope.IsActive);
        using (app.AppContext())
        {
            Assert.True(AppContextScope.IsActive);
            Assert.False(RequestContext.IsActive);
            using (app.TestRequestContext("/"))
            {
                Assert.True(RequestContext.IsActive);
                Assert.True(AppContextScope.IsActive);
            }
            Assert.False(RequestContext.IsActive);
        }
        Assert.False(AppContextScope.IsActive);
    }

    [Fact]
    public void Outside_a_context_the_error_says_which_context_and_how_to_get_one()
    {
        var request = Assert.Throws<OutsideContextException>(() => Request);
        var g = Assert.Throws<OutsideContextException>(() => G);

        Assert.StartsWith("Working outside of request context", request.Message);
        Assert.Contains("app.TestRequestContext(", request.Message);
        Assert.StartsWith("Working outside of application context", g.Message);
        Assert.Contains("app.AppContext()", g.Message);
    }

    [Fact]
    public void Contexts_nest_and_pop_in_order()
    {
        var app = new ShellApp();
        using (app.AppContext())
        {
            G["level"] = "app";
            using (app.TestRequestContext("/inner"))
            {
                // As in Flask: a request context inside an app context of the same app shares its g.
                Assert.Equal("app", G["level"]);
                G["inner"] = "request";
                Assert.Equal("/inner", Request.Path);
            }
            Assert.Equal("app", G["level"]);
            Assert.Equal("request", G["inner"]);
            Assert.False(HasRequestContext);
        }
        Assert.False(HasAppContext);
    }

    [Fact]
    public void G_keeps_typed_and_named_values_for_its_context()
    {
        var app = new ShellApp();
        using (app.TestRequestContext())
        {
            G.Set(new Point(1, 2));
            G["user"] = "ada";

            Assert.Equal(new Point(1, 2), G.Get<Point>());
            Assert.Equal("ada", G.Get<string>("user"));
            Assert.Equal(5, G.GetOrAdd("answer", () => 5));
            Assert.Throws<KeyNotFoundException>(() => G["missing"]);
        }
    }

    [Fact]
    public async Task The_request_context_follows_await_and_does_not_leak_between_concurrent_requests()
    {
        var requests = Enumerable.Range(0, 200).Select(async id =>
        {
            var transport = id % 2 == 0 ? Transport.Http : Transport.InProcess;
            var response = await harness.SendAsync(transport, "GET", $"/flow/{id}");
            return (id, response.Body);
        });

        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.Equal($"path=/flow/{r.id} g={r.id}", r.Body));
        Assert.False(HasRequestContext);
    }
}
