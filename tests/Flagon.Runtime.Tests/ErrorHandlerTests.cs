namespace Flagon.Runtime.Tests;

/// <summary>
/// [ErrorHandler]s called by generated code: the app's for its views, a blueprint's for its own views and for
/// the misses under its prefix (longest prefix wins), Werkzeug's page where none is registered.
/// </summary>
public class ErrorHandlerTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData(Transport.InProcess, "GET", "/admin/nope", 404, "admin 404: Not Found")]
    [InlineData(Transport.Http, "GET", "/admin/nope", 404, "admin 404: Not Found")]
    [InlineData(Transport.InProcess, "GET", "/staff/users/x", 404, "admin 404: Not Found")]
    [InlineData(Transport.Http, "GET", "/admin/only-post", 405, "admin 405: Method Not Allowed")]
    [InlineData(Transport.InProcess, "GET", "/admin/fail", 500, "admin failure: admin failed")]
    [InlineData(Transport.Http, "GET", "/boom", 500, "app error: boom")]
    public async Task Handlers_answer_for_their_app_or_blueprint(Transport transport, string method, string target, int status, string body)
    {
        var response = await harness.SendAsync(transport, method, target);

        Assert.Equal(status, response.Status);
        Assert.Equal(body, response.Body);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_custom_405_still_carries_a_sorted_Allow(Transport transport)
    {
        var response = await harness.SendAsync(transport, "DELETE", "/admin/only-post");

        Assert.Equal(405, response.Status);
        Assert.Equal("OPTIONS, POST", response.Header("Allow"));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Without_a_handler_the_miss_gets_Werkzeugs_page(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/nope");

        Assert.Equal(404, response.Status);
        Assert.Contains("<title>404 Not Found</title>", response.Body);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_handler_that_throws_is_an_unhandled_exception_for_the_500_handler_of_the_blueprint_or_its_parents(Transport transport)
    {
        // Flask: an exception raised by an error handler goes to handle_exception; the nested blueprint has no 500
        // handler, so its parent's answers, with the handler's exception as the original.
        var response = await harness.SendAsync(transport, "GET", "/admin/reports/nope");

        Assert.Equal((500, "admin failure: the handler itself fails"), (response.Status, response.Body));
    }
}

/// <summary>[ErrorHandler(typeof(…))]: Flask's lookup, the request's blueprints before the app, each from the exception's class up its bases.</summary>
public class ExceptionHandlerTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData("/typed/missing", 404, "not there: no such thing")]
    // Flask asks the blueprint before the app, each from the exception's own class up its bases: the blueprint's
    // ArgumentException handler wins over the app's exact ArgumentNullException one.
    [InlineData("/typed/argument", 400, "bad argument: ArgumentNullException")]
    [InlineData("/typed/other", 500, "app caught FormatException")]
    public async Task The_most_specific_handler_answers(string path, int status, string body)
    {
        var response = await harness.SendAsync(Transport.Http, "GET", path);

        Assert.Equal((status, body), (response.Status, response.Body));
    }
}
