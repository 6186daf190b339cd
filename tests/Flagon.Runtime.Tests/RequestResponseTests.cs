namespace Flagon.Runtime.Tests;

/// <summary>The request object and the explicit responses, over real HTTP and in process.</summary>
public class RequestResponseTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task The_request_shows_method_path_args_and_host(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/whoami?x=42");

        Assert.Matches(@"^GET /whoami x=42 host=(localhost|127\.0\.0\.1:\d+) app=\S+$", response.Body);
    }

    [Fact]
    public async Task A_json_body_is_read_before_the_view()
    {
        var response = await harness.PostAsync("/json", "{\"x\": 3, \"y\": 4}", "application/json");

        Assert.Equal((200, "json x=3 y=4 is_json=True"), (response.Status, response.Body));
    }

    [Fact]
    public async Task Invalid_json_is_a_400()
    {
        var response = await harness.PostAsync("/json", "{not json", "application/json");

        Assert.Equal(400, response.Status);
        Assert.Contains("Bad Request", response.Body);
    }

    [Fact]
    public async Task A_form_post_is_read_before_the_view()
    {
        var response = await harness.PostAsync("/form", "name=ada+lovelace&x=1", "application/x-www-form-urlencoded");

        Assert.Equal((200, "form name=ada lovelace files=0"), (response.Status, response.Body));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Redirect_abort_and_make_response(Transport transport)
    {
        var redirect = await harness.SendAsync(transport, "GET", "/go");
        var forbidden = await harness.SendAsync(transport, "GET", "/forbidden");
        var made = await harness.SendAsync(transport, "GET", "/made");

        Assert.Equal((302, "/"), (redirect.Status, redirect.Header("Location")));
        Assert.Equal(403, forbidden.Status);
        Assert.Contains("<title>403 Forbidden</title>", forbidden.Body);
        Assert.Equal((404, "Page not found!", "text/plain", "ru"), (made.Status, made.Body, made.Header("Content-Type"), made.Header("Content-Language")));
    }

    [Fact]
    public async Task The_environ_lists_cgi_names_and_headers()
    {
        var response = await harness.SendAsync(Transport.Http, "GET", "/environ?a=b");

        Assert.Contains("REQUEST_METHOD=GET", response.Body);
        Assert.Contains("PATH_INFO=/environ", response.Body);
        Assert.Contains("QUERY_STRING=a=b", response.Body);
        Assert.Matches(@"HTTP_HOST=127\.0\.0\.1:\d+", response.Body);
        Assert.Contains("wsgi.url_scheme=http", response.Body);
    }
}

/// <summary>The return types a view may have, each converted as chosen at build time.</summary>
public class ResponseShapeTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData("/shapes/json", 200, "{\"x\":3,\"y\":4}", "application/json")]
    [InlineData("/shapes/list", 200, "[\"a\",\"b\"]", "application/json")]
    [InlineData("/shapes/bytes", 200, "raw", "text/html; charset=utf-8")]
    [InlineData("/shapes/headers", 200, "with headers", "text/html; charset=utf-8")]
    [InlineData("/shapes/all", 201, "created", "text/plain")]
    [InlineData("/shapes/mimetype/text", 200, "plain", "text/plain; charset=utf-8")]
    [InlineData("/shapes/mimetype/json", 200, "{}", "application/json")]
    [InlineData("/shapes/mimetype/charset", 200, "csv", "text/csv; charset=us-ascii")]
    [InlineData("/shapes/mimetype/headers", 202, "svg", "image/svg+xml; charset=utf-8")]
    public async Task Each_shape_becomes_its_response(string path, int status, string body, string contentType)
    {
        var response = await harness.SendAsync(Transport.Http, "GET", path);

        Assert.Equal((status, body, contentType), (response.Status, response.Body, response.Header("Content-Type")));
        if (path == "/shapes/headers")
        {
            Assert.Equal("tuple", response.Header("X-Kind"));
        }
        if (path == "/shapes/mimetype/headers")
        {
            Assert.Equal(contentType, response.Header("X-Seen-Type"));
        }
    }
}

/// <summary>Werkzeug's <c>response.mimetype</c>: the type without parameters; setting it adds a text type's charset.</summary>
public class ResponseMimetypeTests
{
    [Theory]
    [InlineData("text/plain", "text/plain; charset=utf-8")]
    [InlineData("text/csv", "text/csv; charset=utf-8")]
    [InlineData("application/json", "application/json")]
    [InlineData("image/svg+xml", "image/svg+xml; charset=utf-8")]
    [InlineData("application/sql", "application/sql; charset=utf-8")]
    public void Setting_the_mimetype_sets_the_content_type_as_Werkzeug_does(string mimetype, string contentType)
    {
        var response = new Response("m", 202) { Mimetype = mimetype };

        Assert.Equal((contentType, mimetype), (response.ContentType, response.Mimetype));
    }

    [Fact]
    public void The_mimetype_of_the_default_content_type_is_text_html()
    {
        Assert.Equal("text/html", new Response("m").Mimetype);
        Assert.Equal("text/csv", new Response("m") { ContentType = "Text/CSV; charset=us-ascii" }.Mimetype);
    }
}

/// <summary>IAsyncEnumerable&lt;string&gt; views stream their pieces.</summary>
public class StreamingTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_streamed_view_sends_every_piece(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/stream/4");

        Assert.Equal((200, "1;2;3;4;"), (response.Status, response.Body));
    }

    private sealed class BareApp() : App([], []);

    [Fact]
    public async Task Without_after_request_hooks_the_pieces_are_not_buffered()
    {
        var app = new BareApp();
        app.AddUrlRule("/count/<int:count>", StreamViews.Count, endpoint: "count");
        using var client = app.TestClient();

        using var response = await client.GetAsync("/count/3", HttpCompletionOption.ResponseHeadersRead);

        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal("1;2;3;", await response.Content.ReadAsStringAsync());
    }
}
