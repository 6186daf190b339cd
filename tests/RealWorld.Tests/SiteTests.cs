namespace RealWorld.Tests;

/// <summary>What is around the pages: health checks, the counter without Redis, the url map.</summary>
public class SiteTests
{
    [Fact]
    public async Task The_health_check_reports_the_database()
    {
        using var site = new Site();

        var health = await site.Client.Get("/healthz");

        Assert.Equal((200, "Healthy"), (health.Status, health.Text));
    }

    [Theory]
    [InlineData("/", 200)]
    [InlineData("/admin/login", 200)]
    [InlineData("/static/style.css", 200)]
    [InlineData("/healthz", 200)]
    [InlineData("/no-such-page", 404)]
    [InlineData("/api/pages/", 200)]
    public async Task Every_answer_carries_the_security_headers(string path, int status)
    {
        using var site = new Site();

        var page = await site.Client.Get(path);

        Assert.Equal(status, page.Status);
        Assert.Equal(SecurityHeaders.PagePolicy, page.Header("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", page.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", page.Header("Referrer-Policy"));
    }

    [Fact]
    public async Task The_api_reference_page_may_run_its_scripts_but_not_be_framed()
    {
        using var site = new Site();

        var page = await site.Client.Get("/api/docs", followRedirects: true);

        Assert.Equal((200, "frame-ancestors 'none'"), (page.Status, page.Header("Content-Security-Policy")));
        Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Without_REDIS_URL_the_counter_page_says_it_is_off()
    {
        using var site = new Site();

        var counter = await site.Client.Get("/counter");

        Assert.Equal(200, counter.Status);
        Assert.Contains("The counter is off", counter.Text);
    }

    [Fact]
    public void The_url_map_has_the_pages_the_sample_promises()
    {
        using var site = new Site();

        var rules = site.App.UrlMap.Select(r => $"{string.Join(",", r.Methods.Where(m => m is "GET" or "POST"))} {r.Pattern}").ToHashSet();

        foreach (var expected in new[]
        {
            "GET /", "GET /page/<int:pk>", "GET /counter", "GET /uploads/<path:filename>", "GET /admin/", "GET /admin/login",
            "POST /admin/login", "POST /admin/logout", "GET /admin/pages/new", "POST /admin/pages/new",
            "GET /admin/pages/<int:pk>/edit", "POST /admin/pages/<int:pk>/edit", "GET /admin/uploads", "POST /admin/uploads",
        })
        {
            Assert.Contains(expected, rules);
        }
    }
}
