using System.Net;

namespace Flagon.Runtime.Tests;

/// <summary>
/// Two apps serving the session views over Kestrel: the route harness, whose app-level after-request hook makes every
/// response an object first, and an app without hooks, where only the session's use does.
/// </summary>
public sealed class SessionApps : IAsyncLifetime
{
    private readonly RouteHarness hooked = new();
    private Chain.ServedApp? plain;

    public Uri Address(bool withHooks) => withHooks ? hooked.BaseAddress! : plain!.Client.BaseAddress!;

    public async Task InitializeAsync()
    {
        await hooked.InitializeAsync();
        plain = Chain.ServedApp.CreateWithout();
        plain.App.AddUrlRule("/session/visit", SessionViews.Visit, endpoint: "visit");
        plain.App.AddUrlRule("/session/logout", SessionViews.Logout, endpoint: "logout");
        await plain.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await hooked.DisposeAsync();
        if (plain is not null)
        {
            await plain.DisposeAsync();
        }
    }
}

/// <summary>Flask's session over real HTTP: kept between requests in a protected cookie, which cannot be forged.</summary>
public class SessionTests(SessionApps apps) : IClassFixture<SessionApps>
{
    private HttpClient NewBrowser(CookieContainer cookies, bool withHooks) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = apps.Address(withHooks) };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_session_is_kept_between_requests_of_one_client(bool withHooks)
    {
        var cookies = new CookieContainer();
        using var browser = NewBrowser(cookies, withHooks);
        using var other = NewBrowser(new CookieContainer(), withHooks);

        Assert.Equal("visits=1", await browser.GetStringAsync("/session/visit"));
        Assert.Equal("visits=2", await browser.GetStringAsync("/session/visit"));
        Assert.Equal("visits=1", await other.GetStringAsync("/session/visit"));

        var cookie = cookies.GetCookies(apps.Address(withHooks))["session"]!;
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_tampered_cookie_reads_as_an_empty_session(bool withHooks)
    {
        var cookies = new CookieContainer();
        using var browser = NewBrowser(cookies, withHooks);
        await browser.GetStringAsync("/session/visit");
        var cookie = cookies.GetCookies(apps.Address(withHooks))["session"]!;
        cookie.Value = cookie.Value[..^4] + (cookie.Value.EndsWith("AAAA") ? "BBBB" : "AAAA");

        Assert.Equal("visits=1", await browser.GetStringAsync("/session/visit"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clearing_the_session_deletes_the_cookie(bool withHooks)
    {
        var cookies = new CookieContainer();
        using var browser = NewBrowser(cookies, withHooks);
        await browser.GetStringAsync("/session/visit");

        using var response = await browser.GetAsync("/session/logout");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("session=;", StringComparison.Ordinal));
        Assert.Equal("visits=1", await browser.GetStringAsync("/session/visit"));
    }
}
