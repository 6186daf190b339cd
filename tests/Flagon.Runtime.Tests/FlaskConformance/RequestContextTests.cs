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
