using Flagon.Routing;
using Microsoft.AspNetCore.Http;

namespace Flagon.Runtime.Tests;

/// <summary>What <see cref="App.HandleRequestAsync"/> does with the outcome of a route table's match.</summary>
public class DispatchTests
{
    /// <summary>A hand-written table standing in for generated code: GET "/" says hello, POST "/submit" accepts, "/boom" throws.</summary>
    private sealed class FakeTable : RouteTable
    {
        private static readonly Rule[] rules =
        [
            new("hello", "/", ["GET", "HEAD", "OPTIONS"]),
            new("submit", "/submit", ["OPTIONS", "POST"]),
            new("boom", "/boom", ["GET", "HEAD", "OPTIONS"]),
        ];

        public override IReadOnlyList<Rule> Rules => rules;

        public override RouteMatch Match(ReadOnlySpan<char> path, string method)
        {
            int index = path switch { "/" => 0, "/submit" => 1, "/boom" => 2, _ => -1 };
            if (index < 0)
            {
                return default;
            }
            bool allowed = method != "OPTIONS" && rules[index].AllowsMethod(method);
            return new() { Status = allowed ? MatchStatus.Matched : MatchStatus.MethodNotAllowed, RuleIndex = index };
        }

        public override ValueTask InvokeAsync(HttpContext context, RouteMatch match) => match.RuleIndex switch
        {
            0 => Http.ResponseWriter.WriteString(context, "Hello, world!"),
            1 => Http.ResponseWriter.WriteString(context, "accepted", 201),
            _ => throw new InvalidOperationException("boom"),
        };
    }

    private sealed class TestApp() : App([], [new FakeTable()]);

    private static async Task<(HttpResponse Response, string Body)> SendAsync(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        var body = new MemoryStream();
        context.Response.Body = body;
        await new TestApp().HandleRequestAsync(context);
        await context.Response.BodyWriter.FlushAsync();
        return (context.Response, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task A_matched_view_writes_its_string_as_utf8_html()
    {
        var (response, body) = await SendAsync("GET", "/");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("Hello, world!", body);
        Assert.Equal(13, response.ContentLength);
    }

    [Fact]
    public async Task HEAD_gets_the_headers_of_GET_without_a_body()
    {
        var (response, body) = await SendAsync("HEAD", "/");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(13, response.ContentLength);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_with_Werkzeugs_page()
    {
        var (response, body) = await SendAsync("GET", "/nope");

        Assert.Equal(404, response.StatusCode);
        Assert.Contains("<title>404 Not Found</title>", body);
        Assert.Contains("The requested URL was not found on the server.", body);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_with_an_Allow_header()
    {
        var (response, body) = await SendAsync("GET", "/submit");

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("OPTIONS, POST", response.Headers.Allow.ToString());
        Assert.Contains("Method Not Allowed", body);
    }

    [Fact]
    public async Task OPTIONS_is_answered_automatically_with_Allow()
    {
        var (response, body) = await SendAsync("OPTIONS", "/");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", response.Headers.Allow.ToString());
        Assert.Equal("", body);
    }

    [Fact]
    public async Task A_view_that_throws_gives_a_500_page()
    {
        var (response, body) = await SendAsync("GET", "/boom");

        Assert.Equal(500, response.StatusCode);
        Assert.Contains("Internal Server Error", body);
        Assert.DoesNotContain("boom", body);
    }

    [Fact]
    public void The_url_map_lists_every_rule_of_every_table()
    {
        var map = new TestApp().UrlMap;

        Assert.Equal(["hello", "submit", "boom"], map.Select(r => r.Endpoint));
        Assert.Equal("<Rule '/submit' (OPTIONS, POST) -> submit>", map[1].ToString());
    }
}
