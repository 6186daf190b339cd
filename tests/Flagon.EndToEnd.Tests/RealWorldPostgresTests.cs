using System.Net;
using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The real-world sample on PostgreSQL instead of its embedded SQLite: <c>DATABASE_URL=postgresql://…</c> against a
/// throwaway server; the database is created and migrated from the PostgreSQL migrations, and what is written
/// outlives the process.
/// </summary>
public partial class RealWorldPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task On_postgresql_the_command_makes_the_admin_and_a_page_written_over_Kestrel_outlives_a_restart()
    {
        var instance = Flagon.Tests.Shared.TemporaryFolders.Create("realworld-pg-").FullName;
        var url = postgres.Url("realworld_e2e");
        var made = await DotnetCommand.RunProgramAsync("dotnet", Repository.Root, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["INSTANCE_PATH"] = instance, ["DATABASE_URL"] = url },
            Repository.SampleDll("RealWorld"), "create-user", "--username", "ada", "--password", RealWorldSampleTests.Password);
        Assert.Contains("Made the admin 'ada'", made);

        string[] arguments = ["--INSTANCE_PATH", instance, "--DATABASE_URL", url];
        await using (var app = await AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, arguments))
        {
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Url };
            var loginToken = Token(await browser.GetStringAsync("/admin/login"));
            using var login = await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new("username", "ada"), new("password", RealWorldSampleTests.Password), new("__RequestVerificationToken", loginToken)]));
            Assert.Equal(HttpStatusCode.Found, login.StatusCode);
            var formToken = Token(await browser.GetStringAsync("/admin/pages/new"));
            using var created = await browser.PostAsync("/admin/pages/new", new FormUrlEncodedContent([new("title", "Kept in PostgreSQL"), new("body", "ünïcode & <tags>"), new("__RequestVerificationToken", formToken)]));
            Assert.Equal((HttpStatusCode.Found, "/page/1"), (created.StatusCode, created.Headers.Location?.OriginalString));
        }

        await using var again = await AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, arguments);
        using var anonymous = new HttpClient { BaseAddress = again.Url };
        var index = await anonymous.GetStringAsync("/");
        var page = await anonymous.GetStringAsync("/page/1");
        var health = await anonymous.GetStringAsync("/healthz");

        Assert.Contains("<a href=\"/page/1\">Kept in PostgreSQL</a>", index);
        Assert.Contains("ünïcode &amp; &lt;tags&gt;", page);
        Assert.Equal("Healthy", health);
        Assert.Empty(Directory.GetFiles(instance, "*.db"));
        Assert.DoesNotContain("No admin yet", again.Output);
    }

    private static string Token(string page) => TokenField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
