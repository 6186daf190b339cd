using static Flagon.Globals;

namespace Flagon.Runtime.Tests.FlaskConformance;

/// <summary>Ported from pallets/flask tests/test_signals.py and tests/test_appctx.py.</summary>
public class SignalAndContextTests
{
    // test_signals.py: test_request_signals
    [Fact]
    public async Task Request_signals()
    {
        var app = new FlaskApp();
        var calls = new List<string>();
        app.RequestStarted += (_, _) => calls.Add("before-signal");
        app.RequestFinished += (_, response) =>
        {
            Assert.Equal("stuff", response.Text);
            calls.Add("after-signal");
        };
        app.BeforeRequest(() => { calls.Add("before-handler"); return null; });
        app.AfterRequest(response =>
        {
            calls.Add("after-handler");
            response.Text = "stuff";
            return response;
        });
        app.AddUrlRule("/", () => { calls.Add("handler"); return "ignored anyway"; }, endpoint: "index");

        var rv = await app.Client.Get("/");

        Assert.Equal("stuff", rv.Text);
        Assert.Equal(["before-signal", "before-handler", "handler", "after-handler", "after-signal"], calls);
    }

    // test_signals.py: test_template_rendered
    [Fact]
    public async Task Template_rendered()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () => Flagon.Template.Render("nav.html"), endpoint: "index");
        var recorded = new List<string>();
        app.TemplateRendered += (_, name) => recorded.Add(name);

        var rv = await app.Client.Get("/");

        Assert.Equal(200, rv.Status);
        Assert.Equal(["nav.html"], recorded);
    }

    // test_signals.py: test_request_exception_signal
    [Fact]
    public async Task Request_exception_signal()
    {
        var app = new FlaskApp();
        var recorded = new List<Exception>();
        app.AddUrlRule("/", string () => throw new DivideByZeroException(), endpoint: "index");
        app.GotRequestException += (_, exception) => recorded.Add(exception);

        Assert.Equal(500, (await app.Client.Get("/")).Status);
        Assert.IsType<DivideByZeroException>(Assert.Single(recorded));
    }

    // test_signals.py: test_flash_signal
    [Fact]
    public async Task Flash_signal()
    {
        var app = new FlaskApp();
        app.AddUrlRule("/", () =>
        {
            Flash("This is a flash message", category: "notice");
            return Redirect("/other");
        }, endpoint: "index");
        var recorded = new List<(string, string)>();
        app.MessageFlashed += (_, message) => recorded.Add((message.Message, message.Category));

        await app.Client.Get("/");

        Assert.Equal(("This is a flash message", "notice"), Assert.Single(recorded));
    }

    // test_signals.py: test_appcontext_tearing_down_signal
    [Fact]
    public async Task Appcontext_tearing_down_signal()
    {
        var app = new FlaskApp();
        var recorded = new List<Exception?>();
        app.AddUrlRule("/", string () => throw new DivideByZeroException(), endpoint: "index");
        app.AppContextTearingDown += (_, exc) => recorded.Add(exc);

        var rv = await app.Client.Get("/");

        Assert.Equal(500, rv.Status);
        Assert.IsType<DivideByZeroException>(Assert.Single(recorded));
    }

    // test_appctx.py: test_app_tearing_down
    [Fact]
    public void App_tearing_down()
    {
        var app = new FlaskApp();
        var cleanupStuff = new List<Exception?>();
        app.TeardownAppContext(exception => cleanupStuff.Add(exception));

        using (app.AppContext())
        {
        }

        Assert.Equal([null], cleanupStuff);
    }

    // test_appctx.py: test_app_tearing_down_with_handled_exception_by_except_block
    [Fact]
    public void App_tearing_down_with_handled_exception_by_except_block()
    {
        var app = new FlaskApp();
        var cleanupStuff = new List<Exception?>();
        app.TeardownAppContext(exception => cleanupStuff.Add(exception));

        using (app.AppContext())
        {
            try
            {
                throw new InvalidOperationException("dummy");
            }
            catch (InvalidOperationException)
            {
            }
        }

        Assert.Equal([null], cleanupStuff);
    }

    // test_appctx.py: test_clean_pop (a failing teardown_request does not keep teardown_appcontext from running)
    [Fact]
    public async Task Clean_pop()
    {
        var app = new FlaskApp();
        var called = new List<string>();
        app.TeardownRequest(_ => throw new DivideByZeroException());
        app.TeardownAppContext(_ => called.Add("TEARDOWN"));
        app.AddUrlRule("/", () => CurrentApp.Name, endpoint: "index");

        var rv = await app.Client.Get("/");

        Assert.Equal(200, rv.Status);
        Assert.Equal(["TEARDOWN"], called);
        Assert.False(HasAppContext);
    }

    // test_appctx.py: test_robust_teardown (every teardown function and signal receiver runs though each raises;
    // Flagon logs the failures, since the response has gone, where Flask raises them as an ExceptionGroup)
    [Fact]
    public async Task Robust_teardown()
    {
        var app = new FlaskApp();
        int count = 0;
        app.TeardownRequest(_ => { count++; throw new InvalidOperationException("request_teardown"); });
        app.TeardownAppContext(_ => { count++; throw new InvalidOperationException("app_teardown"); });
        app.RequestTearingDown += (_, _) => { count++; throw new InvalidOperationException("request_signal"); };
        app.AppContextTearingDown += (_, _) => { count++; throw new InvalidOperationException("app_signal"); };
        app.AddUrlRule("/", () => "", endpoint: "index");

        var rv = await app.Client.Get("/");

        Assert.Equal(200, rv.Status);
        Assert.Equal(4, count);
    }
}
