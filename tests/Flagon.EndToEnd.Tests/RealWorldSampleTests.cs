using System.Net;

namespace Flagon.EndToEnd.Tests;

/// <summary>The seed's real-world tree (samples/RealWorld) served by Kestrel and walked like a browser would.</summary>
public class RealWorldSampleTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private Task<AppProcess> StartAsync(params string[] arguments) =>
        AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, ["--REDIS_URL", redis.Url, .. arguments]);

    [Fact]
    public async Task The_real_world_sample_serves_its_blueprints_extension_session_and_static_files()
    {
        await using var app = await StartAsync();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.Url };

        var home = await browser.GetStringAsync("/");
        Assert.Contains("<h1>Flagon real world</h1>", home);
        Assert.Contains("href=\"/static/style.css\"", home);
        Assert.Contains("body {", await browser.GetStringAsync("/static/style.css"));

        Assert.Contains("/blog/post/2 Routing at compile time", await browser.GetStringAsync("/blog/"));
        Assert.Equal("Routing at compile time (page size 10)", await browser.GetStringAsync("/blog/post/2"));
        using (var missing = await browser.GetAsync("/blog/post/9"))
        {
            Assert.Equal((HttpStatusCode.NotFound, "No such blog page"), (missing.StatusCode, await missing.Content.ReadAsStringAsync()));
        }
        using (var elsewhere = await browser.GetAsync("/nope"))
        {
            Assert.Equal("Error 404", await elsewhere.Content.ReadAsStringAsync());
        }

        Assert.Equal("This process counted 1 view(s)", await browser.GetStringAsync("/local-counter"));
        Assert.Equal("This process counted 2 view(s)", await browser.GetStringAsync("/local-counter"));

        using (var locked = await browser.GetAsync("/admin/"))
        {
            Assert.Equal((HttpStatusCode.Found, "/admin/login"), (locked.StatusCode, locked.Headers.Location?.OriginalString));
        }
        using (var login = await browser.PostAsync("/admin/login", new FormUrlEncodedContent([new("user", "ada")])))
        {
            Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        }
        Assert.Equal("Hello, ada!", await browser.GetStringAsync("/admin/"));
    }

    [Fact]
    public async Task Two_processes_share_the_redis_counter_and_with_one_keys_directory_the_session()
    {
        var keys = Directory.CreateTempSubdirectory("flagon-keys-").FullName;
        await using var first = await StartAsync("--DATA_PROTECTION_KEYS", keys);
        await using var second = await StartAsync("--DATA_PROTECTION_KEYS", keys);
        var cookies = new CookieContainer();
        using var toFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.Url };
        using var toSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = second.Url };

        // The seed's slide 41 counter: INCR in Redis, so both processes count together.
        var one = await toFirst.GetStringAsync("/counter");
        var two = await toSecond.GetStringAsync("/counter");
        var three = await toFirst.GetStringAsync("/counter");
        Assert.Equal(int.Parse(one.Split(' ')[3]) + 2, int.Parse(three.Split(' ')[3]));
        Assert.Equal(int.Parse(one.Split(' ')[3]) + 1, int.Parse(two.Split(' ')[3]));

        // Logged in on the first process, known to the second: the key ring lives in the shared directory.
        using (await toFirst.PostAsync("/admin/login", new FormUrlEncodedContent([new("user", "ada")])))
        {
        }
        var cookie = cookies.GetCookies(first.Url)["session"]!;
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/");
        request.Headers.Add("Cookie", $"session={cookie.Value}");
        using var answer = await new HttpClient { BaseAddress = second.Url }.SendAsync(request);
        Assert.Equal("Hello, ada!", await answer.Content.ReadAsStringAsync());
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }

    [Fact]
    public async Task The_guestbook_page_renders_its_layout_flashes_and_escapes_what_visitors_write_in_a_browser_too()
    {
        await using var app = await StartAsync();
        using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Url };

        using var signed = await visitor.PostAsync("/guestbook", new FormUrlEncodedContent([new("message", "<script>document.title='pwned'</script>")]));
        var page = await signed.Content.ReadAsStringAsync();

        Assert.Equal("/guestbook", signed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<title>Guestbook - Flagon real world</title>", page);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/static/style.css\">", page);
        Assert.Contains("<nav><a href=\"/\">Home</a> <a href=\"/blog/\">Blog</a> <a href=\"/guestbook\">Guestbook</a></nav>", page);
        Assert.Contains("<p class=\"flash info\">Thanks for signing!</p>", page);
        Assert.Contains("<li>&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt; <small>#1</small></li>", page);
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("Thanks for signing!", await visitor.GetStringAsync("/guestbook"));

        // A real browser runs the page's scripts: had the entry gone out unescaped, the title would be 'pwned'.
        var dom = await Browser.DumpDomAsync(new Uri(app.Url, "/guestbook"));
        Assert.Contains("<title>Guestbook - Flagon real world</title>", dom);
        Assert.Contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;", dom);
        Assert.Contains("<footer>Flagon real world</footer>", dom);
    }
}
