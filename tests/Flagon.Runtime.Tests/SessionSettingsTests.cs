using Flagon.Routing;
using Flagon.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

    // The app's clock is the TimeProvider among its services: a fake one moves time without waiting. It starts now,
    // since the key ring also checks a cookie's expiry against the real clock.
    private static (TestedApp App, FakeTimeProvider Clock) WithClock(params (string Key, string Value)[] settings)
    {
        var app = new TestedApp(settings);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        app.Services.AddSingleton<TimeProvider>(clock);
        return (app, clock);
    }

    [Fact]
    public async Task A_permanent_session_expires_after_the_lifetime_and_is_refreshed()
    {
        var (app, clock) = WithClock(("PERMANENT_SESSION_LIFETIME", "7.00:00:00"));
        using var client = app.TestClient();

        var cookie = SetCookie(await client.Get("/session/login/ann", query: [new("remember", "1")]));
        clock.Advance(TimeSpan.FromHours(1));
        var refreshed = await client.Get("/session/user");

        var expires = DateTimeOffset.Parse(cookie.Split("; ").Single(p => p.StartsWith("expires=")).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        var refreshedExpires = DateTimeOffset.Parse(SetCookie(refreshed).Split("; ").Single(p => p.StartsWith("expires=")).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - clock.GetUtcNow().AddHours(-1), TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        Assert.Equal("user=ann permanent=True", refreshed.Text);
        Assert.Equal(TimeSpan.FromHours(1), refreshedExpires - expires);
    }

    [Fact]
    public async Task A_cookie_older_than_the_lifetime_reads_as_an_empty_session()
    {
        var (app, clock) = WithClock(("PERMANENT_SESSION_LIFETIME", "60"));
        using var client = app.TestClient();
        await client.Get("/session/login/ann");
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("user=ann permanent=False", (await client.Get("/session/user")).Text);

        clock.Advance(TimeSpan.FromSeconds(2));

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
        var shared = Flagon.Tests.Shared.TemporaryFolders.Create("flagon-keys-").FullName;
        var other = Flagon.Tests.Shared.TemporaryFolders.Create("flagon-keys-").FullName;
        using var first = new TestedApp(("DATA_PROTECTION_KEYS", shared)).TestClient();
        using var second = new TestedApp(("DATA_PROTECTION_KEYS", shared)).TestClient();
        using var stranger = new TestedApp(("DATA_PROTECTION_KEYS", other)).TestClient();

        var cookie = SetCookie(await first.Get("/session/login/ann")).Split(';')[0];

        Assert.NotEmpty(Directory.GetFiles(shared, "key-*.xml"));
        Assert.Equal("user=ann permanent=False", (await second.Get("/session/user", headers: [new("Cookie", cookie)])).Text);
        Assert.Equal("user= permanent=False", (await stranger.Get("/session/user", headers: [new("Cookie", cookie)])).Text);
    }
}
