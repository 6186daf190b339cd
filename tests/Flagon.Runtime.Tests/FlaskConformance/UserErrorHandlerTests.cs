using Flagon.Routing;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests.FlaskConformance;

/// <summary>Ported from pallets/flask tests/test_user_error_handler.py.</summary>
public class UserErrorHandlerTests
{
    private sealed class CustomException : Exception;

    private class ParentException : Exception;

    private sealed class ChildExceptionUnregistered : ParentException;

    private sealed class ChildExceptionRegistered : ParentException;

    private class Forbidden() : HttpError(403);

    private sealed class ForbiddenSubclassRegistered : Forbidden;

    private sealed class ForbiddenSubclassUnregistered : Forbidden;

    // test_error_handler_no_match
    [Fact]
    public async Task Error_handler_no_match()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler<CustomException>(e => new Response("custom"));
        app.RegisterErrorHandler(500, e => new Response(e.InnerException is { } original ? $"wrapped {original.GetType().Name}" : "direct", 500));
        app.AddUrlRule("/custom", string () => throw new CustomException(), endpoint: "custom");
        app.AddUrlRule("/keyerror", string () => throw new KeyNotFoundException(), endpoint: "key_error");
        app.AddUrlRule("/abort", string () => { Abort(500); return ""; }, endpoint: "do_abort");

        // register_error_handler(list, None): not an exception type.
        Assert.Throws<ArgumentException>(() => app.Scaffold.AddErrorHandler(typeof(List<int>), (_, _) => default));
        // register_error_handler(999, None): not an error status.
        Assert.Throws<ArgumentOutOfRangeException>(() => app.RegisterErrorHandler(999, e => new Response()));
        Assert.Equal("custom", (await app.Client.Get("/custom")).Text);
        Assert.Equal("wrapped KeyNotFoundException", (await app.Client.Get("/keyerror")).Text);
        Assert.Equal("direct", (await app.Client.Get("/abort")).Text);
    }

    // test_error_handler_subclass
    [Fact]
    public async Task Error_handler_subclass()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler<ParentException>(e => new Response("parent"));
        app.RegisterErrorHandler<ChildExceptionRegistered>(e => new Response("child-registered"));
        app.AddUrlRule("/parent", string () => throw new ParentException(), endpoint: "parent_test");
        app.AddUrlRule("/child-unregistered", string () => throw new ChildExceptionUnregistered(), endpoint: "unregistered_test");
        app.AddUrlRule("/child-registered", string () => throw new ChildExceptionRegistered(), endpoint: "registered_test");

        Assert.Equal("parent", (await app.Client.Get("/parent")).Text);
        Assert.Equal("parent", (await app.Client.Get("/child-unregistered")).Text);
        Assert.Equal("child-registered", (await app.Client.Get("/child-registered")).Text);
    }

    // test_error_handler_http_subclass
    [Fact]
    public async Task Error_handler_http_subclass()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler(403, e => new Response("forbidden"));
        app.RegisterErrorHandler<ForbiddenSubclassRegistered>(e => new Response("forbidden-registered"));
        app.AddUrlRule("/forbidden", string () => throw new Forbidden(), endpoint: "forbidden_test");
        app.AddUrlRule("/forbidden-registered", string () => throw new ForbiddenSubclassRegistered(), endpoint: "registered_test");
        app.AddUrlRule("/forbidden-unregistered", string () => throw new ForbiddenSubclassUnregistered(), endpoint: "unregistered_test");

        Assert.Equal("forbidden", (await app.Client.Get("/forbidden")).Text);
        Assert.Equal("forbidden", (await app.Client.Get("/forbidden-unregistered")).Text);
        Assert.Equal("forbidden-registered", (await app.Client.Get("/forbidden-registered")).Text);
    }

    // test_default_error_handler (app part; the blueprint part is in ChainBlueprint's generic handler tests)
    [Fact]
    public async Task Default_error_handler()
    {
        var app = new FlaskApp();
        app.RegisterErrorHandler<HttpError>(e => new Response("default", e.Code));
        app.RegisterErrorHandler<Forbidden>(e => new Response("forbidden", 403));
        app.AddUrlRule("/forbidden", string () => throw new Forbidden(), endpoint: "forbidden");
        app.AddUrlRule("/slash/", () => "slash", endpoint: "slash");

        Assert.Equal("default", (await app.Client.Get("/undefined")).Text);
        Assert.Equal("forbidden", (await app.Client.Get("/forbidden")).Text);
        // Don't handle RequestRedirect raised when adding slash.
        Assert.Equal("slash", (await app.Client.Get("/slash", followRedirects: true)).Text);
    }

    private static FlaskApp GenericApp()
    {
        var app = new FlaskApp("--PROPAGATE_EXCEPTIONS", "false");
        app.AddUrlRule("/custom", string () => throw new CustomException(), endpoint: "do_custom");
        app.AddUrlRule("/error", string () => throw new KeyNotFoundException(), endpoint: "do_error");
        app.AddUrlRule("/abort", string () => { Abort(500); return ""; }, endpoint: "do_abort");
        app.AddUrlRule("/raise", string () => throw new HttpError(500), endpoint: "do_raise");
        return app;
    }

    private static string ReportError(Exception e) =>
        e is HttpError { InnerException: { } original } ? $"wrapped {original.GetType().Name}" : $"direct {e.GetType().Name}";

    // TestGenericHandlers.test_handle_class_or_code
    [Fact]
    public async Task Handle_class_or_code()
    {
        var app = GenericApp();
        app.RegisterErrorHandler(500, e => new Response(ReportError(e)));

        Assert.Equal("wrapped CustomException", (await app.Client.Get("/custom")).Text);
        Assert.Equal("wrapped KeyNotFoundException", (await app.Client.Get("/error")).Text);
        Assert.Equal("direct HttpError", (await app.Client.Get("/abort")).Text);
        Assert.Equal("direct HttpError", (await app.Client.Get("/raise")).Text);
    }

    // TestGenericHandlers.test_handle_generic_http
    [Fact]
    public async Task Handle_generic_http()
    {
        var app = GenericApp();
        app.RegisterErrorHandler<HttpError>(e => new Response(e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("500", (await app.Client.Get("/error")).Text);
        Assert.Equal("500", (await app.Client.Get("/abort")).Text);
        Assert.Equal("404", (await app.Client.Get("/not-found")).Text);
    }

    // TestGenericHandlers.test_handle_generic
    [Fact]
    public async Task Handle_generic()
    {
        var app = GenericApp();
        app.RegisterErrorHandler<Exception>(e => new Response(ReportError(e)));

        Assert.Equal("direct CustomException", (await app.Client.Get("/custom")).Text);
        Assert.Equal("direct KeyNotFoundException", (await app.Client.Get("/error")).Text);
        Assert.Equal("direct HttpError", (await app.Client.Get("/abort")).Text);
        Assert.Equal("direct HttpError", (await app.Client.Get("/not-found")).Text);
    }
}
