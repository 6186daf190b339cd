using Flagon.Contexts;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests.FlaskConformance;

/// <summary>
/// Ported from pallets/flask tests/test_reqctx.py. Not ported: test_proper_test_request_context (SERVER_NAME and
/// subdomains, which Flagon's rules do not have) and the greenlet tests (copy_current_request_context: Flagon's context
/// is an AsyncLocal that flows into the tasks a view starts by itself).
/// </summary>
// These tests use the request context outside a view on purpose, as the Flask tests do.
#pragma warning disable FLG0201, FLG0202
public class RequestContextTests
{
    // test_reqctx.py: test_teardown_on_pop
    [Fact]
    public void Teardown_on_pop()
    {
        var app = new FlaskApp();
        var buffer = new List<Exception?>();
        app.TeardownRequest(buffer.Add);

        var ctx = app.TestRequestContext();
        Assert.Empty(buffer);
        ctx.Pop();

        Assert.Equal([null], buffer);
    }

    // test_reqctx.py: test_teardown_with_previous_exception
    [Fact]
    public void Teardown_with_previous_exception()
    {
        var app = new FlaskApp();
        var buffer = new List<Exception?>();
        app.TeardownRequest(buffer.Add);
        try
        {
            throw new InvalidOperationException("dummy");
        }
        catch (InvalidOperationException)
        {
        }

        using (app.TestRequestContext())
        {
            Assert.Empty(buffer);
        }

        Assert.Equal([null], buffer);
    }

    // test_reqctx.py: test_teardown_with_handled_exception
    [Fact]
    public void Teardown_with_handled_exception()
    {
        var app = new FlaskApp();
        var buffer = new List<Exception?>();
        app.TeardownRequest(buffer.Add);

        using (app.TestRequestContext())
        {
            Assert.Empty(buffer);
            try
            {
                throw new InvalidOperationException("dummy");
            }
            catch (InvalidOperationException)
            {
            }
        }

        Assert.Equal([null], buffer);
    }

    // test_reqctx.py: test_context_binding (a view called as a function inside a test request context)
    [Fact]
    public void Context_binding()
    {
        var app = new FlaskApp();
        static string Index() => $"Hello {Request.Args["name"]}!";
        static string Meh() => Request.Url;

        using (app.TestRequestContext("/?name=World"))
        {
            Assert.Equal("Hello World!", Index());
        }
        using (app.TestRequestContext("/meh"))
        {
            Assert.Equal("http://localhost/meh", Meh());
        }

        Assert.False(HasRequestContext);
    }

    // Werkzeug's url and base_url (get_current_url, then uri_to_iri), recorded from Flask 2.2 over HTTP for
    // /props/a%20b/c?q=%C3%A9&x=1+2, /props/%D0%BB?q=a+b and /props/x? (an empty query is no query).
    [Theory]
    [InlineData("/props/a b/c?q=%C3%A9&x=1+2", "http://localhost/props/a%20b/c?q=é&x=1+2", "http://localhost/props/a%20b/c")]
    [InlineData("/props/л?q=a+b", "http://localhost/props/л?q=a+b", "http://localhost/props/л")]
    [InlineData("/props/x?", "http://localhost/props/x", "http://localhost/props/x")]
    [InlineData("/props/100%?q=%25&r=%FF", "http://localhost/props/100%25?q=%25&r=%FF", "http://localhost/props/100%25")]
    public void Request_urls_are_written_as_Werkzeug_writes_them(string path, string url, string baseUrl)
    {
        var app = new FlaskApp();
        using (app.TestRequestContext(path))
        {
            Assert.Equal((url, baseUrl, "http://localhost/"), (Request.Url, Request.BaseUrl, Request.UrlRoot));
        }
    }

    // test_reqctx.py: test_context_test
    [Fact]
    public void Context_test()
    {
        var app = new FlaskApp();
        Assert.False(HasRequestContext);

        var ctx = app.TestRequestContext();
        try
        {
            Assert.True(HasRequestContext);
            Assert.NotNull(Request);
        }
        finally
        {
            ctx.Pop();
        }

        Assert.False(HasRequestContext);
    }

    // test_reqctx.py: test_manual_context_binding (after the pop, the view fails: Flask's RuntimeError)
    [Fact]
    public void Manual_context_binding()
    {
        var app = new FlaskApp();
        static string Index() => $"Hello {Request.Args["name"]}!";

        var ctx = app.TestRequestContext("/?name=World");
        ctx.Push();
        Assert.Equal("Hello World!", Index());
        ctx.Pop();

        Assert.Throws<OutsideContextException>(Index);
    }
}
