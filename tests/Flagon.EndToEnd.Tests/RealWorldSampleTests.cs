using System.Net;
using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The real-world sample (samples/RealWorld) as it is deployed: its program run as a process, its create-user command,
/// Kestrel, SQLite in an instance folder of its own, Redis; walked like a browser would.
/// </summary>
public partial class RealWorldSampleTests(RedisServer redis) : IClassFixture<RedisServer>
{
    internal const string Password = "a long enough password";

    internal static async Task<string> NewInstanceWithAdmin()
    {
        var instance = Flagon.Tests.Shared.TemporaryFolders.Create("realworld-e2e-").FullName;
        // Settings reach a command through the environment (its options are the command's own).
        var output = await DotnetCommand.RunProgramAsync("dotnet", Repository.Root, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["INSTANCE_PATH"] = instance },
            Repository.SampleDll("RealWorld"), "create-user", "--username", "ada", "--password", Password);
        Assert.Contains("Made the admin 'ada'", output);
        return instance;
    }

    private Task<AppProcess> StartAsync(string instance, params string[] arguments) =>
        AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, ["--INSTANCE_PATH", instance, .. arguments]);

    private static HttpClient Browser(AppProcess app, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Url };

    private static async Task<string> Token(HttpClient browser, string path) =>
        TokenField().Match(await browser.GetStringAsync(path)).Groups[1].Value;

    [Fact]
    public async Task The_command_makes_an_admin_who_logs_in_over_Kestrel_and_writes_a_page_everyone_sees()
    {
        var instance = await NewInstanceWithAdmin();
        await using var app = await StartAsync(instance);
        using var browser = Browser(app);

        using var locked = await browser.GetAsync("/admin/");
        var loginToken = await Token(browser, "/admin/login");
        using var login = await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new("username", "ada"), new("password", Password), new("next", "/admin/"), new("__RequestVerificationToken", loginToken)]));
        var formToken = await Token(browser, "/admin/pages/new");
        using var created = await browser.PostAsync("/admin/pages/new", new FormUrlEncodedContent([new("title", "Over Kestrel"), new("body", "written by a process"), new("__RequestVerificationToken", formToken)]));
        using var anonymous = new HttpClient { BaseAddress = app.Url };
        var index = await anonymous.GetStringAsync("/");
        var health = await anonymous.GetStringAsync("/healthz");

        Assert.Equal(HttpStatusCode.Found, locked.StatusCode);
        Assert.Equal("/admin/login?next=%2Fadmin%2F", locked.Headers.Location!.PathAndQuery);
        Assert.Equal((HttpStatusCode.Found, "/admin/"), (login.StatusCode, login.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Found, "/page/1"), (created.StatusCode, created.Headers.Location?.OriginalString));
        Assert.Contains("<a href=\"/page/1\">Over Kestrel</a>", index);
        Assert.Equal("Healthy", health);
        Assert.True(File.Exists(Path.Combine(instance, "realworld.db")));
    }

    [Fact]
    public async Task The_first_start_without_an_admin_says_how_to_make_one()
    {
        var instance = Flagon.Tests.Shared.TemporaryFolders.Create("realworld-e2e-").FullName;
        await using var app = await StartAsync(instance);
        using var anonymous = new HttpClient { BaseAddress = app.Url };

        var home = await anonymous.GetStringAsync("/");

        Assert.Contains("No pages yet.", home);
        Assert.Contains("No admin yet: make one with `dotnet run --project samples/RealWorld -- create-user --username NAME`", await app.WaitForOutputAsync("No admin yet"));
    }

    [Fact]
    public async Task The_shell_runs_the_code_it_reads_in_the_apps_context()
    {
        var instance = await NewInstanceWithAdmin();
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            // Run from the build output, as a deployed app is: its appsettings.json keeps EF Core's SQL log quiet.
            WorkingDirectory = Path.GetDirectoryName(Repository.SampleDll("RealWorld"))!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Repository.SampleDll("RealWorld"), "shell" })
        {
            info.ArgumentList.Add(argument);
        }
        DotnetCommand.Clean(info);
        info.Environment["INSTANCE_PATH"] = instance;
        using var shell = System.Diagnostics.Process.Start(info)!;
        var output = shell.StandardOutput.ReadToEndAsync();
        var error = shell.StandardError.ReadToEndAsync();

        // What a user types, then Ctrl-D: the database through the app's services, a URL, a statement over two lines.
        await shell.StandardInput.WriteAsync("Get<SiteDb>().Users.Single().Username\nUrl.For(\"show\", new { pk = 7 })\nfor (int i = 0; i < 2; i++)\n    Console.WriteLine($\"line {i}\");\n");
        shell.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await shell.WaitForExitAsync(timeout.Token);

        Assert.True(shell.ExitCode == 0, await error);
        Assert.Equal(["\"ada\"", "\"/page/7\"", "line 0", "line 1"], (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Two_processes_share_the_redis_counter_and_with_one_keys_directory_the_login()
    {
        var instance = await NewInstanceWithAdmin();
        var keys = Flagon.Tests.Shared.TemporaryFolders.Create("flagon-keys-").FullName;
        await using var first = await StartAsync(instance, "--REDIS_URL", redis.Url, "--DATA_PROTECTION_KEYS", keys);
        await using var second = await StartAsync(instance, "--REDIS_URL", redis.Url, "--DATA_PROTECTION_KEYS", keys);
        var cookies = new CookieContainer();
        using var toFirst = Browser(first, cookies);
        using var toSecond = Browser(second, cookies);

        // The seed's slide 41 counter: INCR in Redis, so both processes count together.
        var one = Count(await toFirst.GetStringAsync("/counter"));
        var two = Count(await toSecond.GetStringAsync("/counter"));
        var three = Count(await toFirst.GetStringAsync("/counter"));
        Assert.Equal((one + 1, one + 2), (two, three));

        // Logged in on the first process, known to the second: the key ring lives in the shared directory.
        var token = await Token(toFirst, "/admin/login");
        using (await toFirst.PostAsync("/admin/login", new FormUrlEncodedContent([new("username", "ada"), new("password", Password), new("__RequestVerificationToken", token)])))
        {
        }
        var login = cookies.GetCookies(first.Url)["realworld_login"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/");
        request.Headers.Add("Cookie", $"realworld_login={login.Value}");
        using var answer = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = second.Url }.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("<h1>Dashboard</h1>", await answer.Content.ReadAsStringAsync());
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task Redis_going_down_answers_503_on_the_counter_only_and_the_page_heals_when_it_is_back()
    {
        using var own = new RedisServer();
        var instance = Flagon.Tests.Shared.TemporaryFolders.Create("realworld-e2e-").FullName;
        await using var app = await StartAsync(instance, "--REDIS_URL", own.Url);
        using var browser = Browser(app);

        var before = await browser.GetAsync("/counter");
        own.Stop();
        using var down = await browser.GetAsync("/counter");
        using var homeWhileDown = await browser.GetAsync("/");
        own.Restart();
        HttpResponseMessage? healed = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            healed?.Dispose();
            healed = await browser.GetAsync("/counter");
            if (healed.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
        }

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("does not answer", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, homeWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healed!.StatusCode);
        Assert.Equal(1, Count(await healed.Content.ReadAsStringAsync()));
        healed.Dispose();
    }

    [Fact]
    public async Task A_page_renders_its_layout_and_escapes_what_the_admin_wrote_in_a_browser_too()
    {
        var instance = await NewInstanceWithAdmin();
        await using var app = await StartAsync(instance);
        using var browser = Browser(app);
        var loginToken = await Token(browser, "/admin/login");
        using (await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new("username", "ada"), new("password", Password), new("__RequestVerificationToken", loginToken)])))
        {
        }
        var formToken = await Token(browser, "/admin/pages/new");
        using (await browser.PostAsync("/admin/pages/new", new FormUrlEncodedContent([new("title", "<script>document.title='pwned'</script>"), new("body", "b"), new("__RequestVerificationToken", formToken)])))
        {
        }

        // A real browser runs the page's scripts: had the title gone out unescaped, the document's title would be 'pwned'.
        var dom = await Flagon.EndToEnd.Tests.Browser.DumpDomAsync(new Uri(app.Url, "/page/1"));

        Assert.Contains("<title>&lt;script&gt;document.title='pwned'&lt;/script&gt; - Flagon real world</title>", dom);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/static/style.css\">", dom);
        Assert.Contains("<footer>Flagon real world</footer>", dom);
    }

    private static int Count(string page) => int.Parse(CounterText().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("viewed (\\d+) time")]
    private static partial Regex CounterText();
}
