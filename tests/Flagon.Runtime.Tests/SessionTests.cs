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
        AssertOpaque(cookie.Value, "visits");
    }

    /// <summary>
    /// The cookie is encrypted, not only signed or encoded: neither the text nor any base64 or URL decoding of it shows
    /// the session's keys or values.
    /// </summary>
    private static void AssertOpaque(string cookie, string secret)
    {
        var decodings = new List<byte[]> { System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(cookie)) };
        foreach (var text in new[] { cookie, Uri.UnescapeDataString(cookie) })
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            try
            {
                decodings.Add(Convert.FromBase64String(padded));
            }
            catch (FormatException)
            {
            }
        }
        Assert.True(decodings.Count > 1, "the cookie should at least be base64 text");
        foreach (var bytes in decodings)
        {
            Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(bytes));
            Assert.DoesNotContain(secret, System.Text.Encoding.Latin1.GetString(bytes));
            // Nothing in it is a JSON document either: the payload is ciphertext.
            Assert.DoesNotContain("{\"", System.Text.Encoding.Latin1.GetString(bytes));
        }
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
