using Flagon.Routing;
using Flagon.Sessions;

namespace Flagon.Runtime.Tests;

/// <summary>The session cookie's Flask settings, its lifetime, and the key ring shared through a directory.</summary>
public class SessionSettingsTests
{
    private sealed class TestedApp : App
    {
        public TestedApp(params (string Key, string Value)[] settings)
            : base([], RouteTableRegistry.Tables) =>
            ConfigFrom(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
    }

    private static string SetCookie(Testing.TestResponse response) =>
        response.Message.Headers.GetValues("Set-Cookie").Single();

    [Fact]
    public async Task Flask_defaults_give_an_http_only_lax_browser_session_cookie()
    {
        using var client = new TestedApp().TestClient();

        var cookie = SetCookie(await client.Get("/session/login/ann"));

        Assert.StartsWith("session=", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie);
        Assert.DoesNotContain("expires", cookie);
        Assert.Contains("path=/", cookie);
    }

    [Fact]
    public async Task The_cookie_follows_the_session_cookie_settings()
    {
        using var client = new TestedApp(("SESSION_COOKIE_NAME", "sid"), ("SESSION_COOKIE_SAMESITE", "Strict"), ("SESSION_COOKIE_SECURE", "true"),
            ("SESSION_COOKIE_DOMAIN", "example.org"), ("SESSION_COOKIE_PATH", "/app"), ("SESSION_COOKIE_HTTPONLY", "false")).TestClient();

        var cookie = SetCookie(await client.Get("/session/login/ann"));

        Assert.StartsWith("sid=", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("domain=example.org", cookie);
        Assert.Contains("path=/app", cookie);
        Assert.DoesNotContain("httponly", cookie);
    }

    [Fact]
    public async Task A_permanent_session_expires_after_the_lifetime_and_is_refreshed()
    {
        using var client = new TestedApp(("PERMANENT_SESSION_LIFETIME", "7.00:00:00")).TestClient();

        var cookie = SetCookie(await client.Get("/session/login/ann", query: [new("remember", "1")]));
        var refreshed = await client.Get("/session/user");

        var expires = DateTimeOffset.Parse(cookie.Split("; ").Single(p => p.StartsWith("expires=")).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        Assert.Equal("user=ann permanent=True", refreshed.Text);
        Assert.True(refreshed.Message.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_cookie_older_than_the_lifetime_reads_as_an_empty_session()
    {
        using var client = new TestedApp(("PERMANENT_SESSION_LIFETIME", "1")).TestClient();
        await client.Get("/session/login/ann");
        Assert.Equal("user=ann permanent=False", (await client.Get("/session/user")).Text);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal("user= permanent=False", (await client.Get("/session/user")).Text);
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_key_named()
    {
        var error = Assert.Throws<FormatException>(() => new TestedApp(("SESSION_COOKIE_SAMESITE", "sometimes")).SessionSettings);
        var lifetime = Assert.Throws<FormatException>(() => new TestedApp(("PERMANENT_SESSION_LIFETIME", "forever")).SessionSettings);

        Assert.Contains("SESSION_COOKIE_SAMESITE", error.Message);
        Assert.Contains("PERMANENT_SESSION_LIFETIME", lifetime.Message);
        Assert.Equal(TimeSpan.FromMinutes(5), new TestedApp(("PERMANENT_SESSION_LIFETIME", "300")).SessionSettings.Lifetime);
    }

    [Fact]
    public async Task Apps_sharing_a_keys_directory_read_each_others_sessions_and_others_do_not()
    {
        var shared = Directory.CreateTempSubdirectory("flagon-keys-").FullName;
        var other = Directory.CreateTempSubdirectory("flagon-keys-").FullName;
        using var first = new TestedApp(("DATA_PROTECTION_KEYS", shared)).TestClient();
        using var second = new TestedApp(("DATA_PROTECTION_KEYS", shared)).TestClient();
        using var stranger = new TestedApp(("DATA_PROTECTION_KEYS", other)).TestClient();

        var cookie = SetCookie(await first.Get("/session/login/ann")).Split(';')[0];

        Assert.NotEmpty(Directory.GetFiles(shared, "key-*.xml"));
        Assert.Equal("user=ann permanent=False", (await second.Get("/session/user", headers: [new("Cookie", cookie)])).Text);
        Assert.Equal("user= permanent=False", (await stranger.Get("/session/user", headers: [new("Cookie", cookie)])).Text);
    }
}
