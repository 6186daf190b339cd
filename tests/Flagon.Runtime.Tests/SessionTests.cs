using System.Net;

namespace Flagon.Runtime.Tests;

/// <summary>Flask's session over real HTTP: kept between requests in a protected cookie, which cannot be forged.</summary>
public class SessionTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    private HttpClient NewBrowser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = harness.BaseAddress };

    [Fact]
    public async Task The_session_is_kept_between_requests_of_one_client()
    {
        var cookies = new CookieContainer();
        using var browser = NewBrowser(cookies);
        using var other = NewBrowser(new CookieContainer());

        Assert.Equal("visits=1", await browser.GetStringAsync("/session/visit"));
        Assert.Equal("visits=2", await browser.GetStringAsync("/session/visit"));
        Assert.Equal("visits=1", await other.GetStringAsync("/session/visit"));

        var cookie = cookies.GetCookies(harness.BaseAddress!)["session"]!;
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain("visits", cookie.Value);
    }

    [Fact]
    public async Task A_tampered_cookie_reads_as_an_empty_session()
    {
        var cookies = new CookieContainer();
        using var browser = NewBrowser(cookies);
        await browser.GetStringAsync("/session/visit");
        var cookie = cookies.GetCookies(harness.BaseAddress!)["session"]!;
        cookie.Value = cookie.Value[..^4] + (cookie.Value.EndsWith("AAAA") ? "BBBB" : "AAAA");

        Assert.Equal("visits=1", await browser.GetStringAsync("/session/visit"));
    }

    [Fact]
    public async Task Clearing_the_session_deletes_the_cookie()
    {
        var cookies = new CookieContainer();
        using var browser = NewBrowser(cookies);
        await browser.GetStringAsync("/session/visit");

        using var response = await browser.GetAsync("/session/logout");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("session=;", StringComparison.Ordinal));
        Assert.Equal("visits=1", await browser.GetStringAsync("/session/visit"));
    }
}
