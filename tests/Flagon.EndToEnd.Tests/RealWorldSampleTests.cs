using System.Net;

namespace Flagon.EndToEnd.Tests;

/// <summary>The seed's real-world tree (samples/RealWorld) served by Kestrel and walked like a browser would.</summary>
public class RealWorldSampleTests
{
    [Fact]
    public async Task The_real_world_sample_serves_its_blueprints_extension_session_and_static_files()
    {
        await using var app = await AppProcess.StartAsync(Repository.SampleDll("RealWorld"));
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

        Assert.Equal("This page viewed 1 time(s)", await browser.GetStringAsync("/counter"));
        Assert.Equal("This page viewed 2 time(s)", await browser.GetStringAsync("/counter"));

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
}
