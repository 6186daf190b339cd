using Flagon.Runtime.Tests.FlaskConformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Flagon.Globals;

namespace Flagon.Runtime.Tests;

/// <summary>
/// What a request carries in its cookies, its Authorization header and its form never reaches the log, even at the
/// most detailed level and when the view fails with an exception (logged with its stack).
/// </summary>
public class LoggedSecretsTests
{
    [Fact]
    public async Task Cookies_credentials_and_form_values_are_not_logged()
    {
        const string Cookie = "cookie-c0ffee-secret", Bearer = "bearer-c0ffee-secret", Password = "password-c0ffee-secret";
        var logs = new CapturedLogs();
        var app = new FlaskApp("--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Trace");
        app.Services.AddSingleton<ILoggerProvider>(logs);
        app.AddUrlRule("/login", string () =>
        {
            Session["user"] = "ada";
            return Request.Form["password"].Count == 1 ? throw new InvalidOperationException("the view fails after reading the form") : "no";
        }, endpoint: "login", methods: ["POST"]);
        app.AddUrlRule("/me", () => Session["user"] ?? "nobody", endpoint: "me");

        var (web, address) = await OverHttp.StartAsync(app);
        await using var _ = web;
        using var client = new HttpClient { BaseAddress = address };
        using var login = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new("user", "ada"), new("password", Password)]),
        };
        login.Headers.Add("Cookie", $"session={Cookie}; other={Cookie}");
        login.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Bearer);
        using var failed = await client.SendAsync(login);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/me");
        me.Headers.Add("Cookie", $"session={Cookie}");
        using var answered = await client.SendAsync(me);

        Assert.Equal(500, (int)failed.StatusCode);
        Assert.Equal(200, (int)answered.StatusCode);
        var entries = logs.Entries.ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Exception on /login [POST]", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level <= LogLevel.Debug);   // the most detailed level was on
        foreach (var entry in entries)
        {
            string text = entry.Message + " " + entry.Exception;
            Assert.DoesNotContain(Cookie, text);
            Assert.DoesNotContain(Bearer, text);
            Assert.DoesNotContain(Password, text);
        }
    }
}
