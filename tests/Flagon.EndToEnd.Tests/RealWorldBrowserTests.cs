using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The real-world sample in a real browser (headless Chromium over WebDriver), as an admin uses it: log in, write a
/// page, upload an image, see both listed with the flash messages, and be refused when the form's CSRF token is
/// gone. Screenshots of each step are saved with the test output.
/// </summary>
public class RealWorldBrowserTests(ITestOutputHelper output)
{
    // The smallest valid PNG: one transparent pixel.
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_admin_logs_in_writes_a_page_uploads_an_image_and_a_form_without_its_token_is_refused()
    {
        var instance = await RealWorldSampleTests.NewInstanceWithAdmin();
        await using var app = await AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, "--INSTANCE_PATH", instance);
        using var browser = new ChromeBrowser(nameof(An_admin_logs_in_writes_a_page_uploads_an_image_and_a_form_without_its_token_is_refused), output);
        var shots = new List<string>();

        // The dashboard needs a login: the browser lands on the form, with where it was going kept in next=.
        browser.GoTo(new Uri(app.Url, "/admin/"));
        Assert.Equal("/admin/login", new Uri(browser.Driver.Url).AbsolutePath);
        Assert.Contains("next=%2Fadmin%2F", browser.Driver.Url);
        shots.Add(browser.Screenshot("login"));
        browser.Find("input[name=username]").SendKeys("ada");
        browser.Find("input[name=password]").SendKeys(RealWorldSampleTests.Password);
        browser.ClickAndWait("main form button");
        Assert.Equal("/admin/", new Uri(browser.Driver.Url).AbsolutePath);
        Assert.Equal("Welcome, ada.", browser.Find("p.flash").Text);
        shots.Add(browser.Screenshot("dashboard"));

        // A page: the form first refuses an empty title, keeping the body, then saves.
        browser.GoTo(new Uri(app.Url, "/admin/pages/new"));
        browser.Find("textarea[name=body]").SendKeys("Written in a browser, with <b>markup</b> kept as text.");
        browser.ClickAndWait("main form button");
        Assert.Equal("A page needs a title.", browser.Find("#title-error").Text);
        Assert.Equal("Written in a browser, with <b>markup</b> kept as text.", browser.Find("textarea[name=body]").GetAttribute("value"));
        shots.Add(browser.Screenshot("validation"));
        browser.Find("input[name=title]").SendKeys("From the browser");
        browser.ClickAndWait("main form button");
        Assert.Equal("/page/1", new Uri(browser.Driver.Url).AbsolutePath);
        Assert.Equal("Created the page From the browser.", browser.Find("p.flash").Text);
        Assert.Contains("<b>markup</b>", browser.Find("main").Text);
        shots.Add(browser.Screenshot("page-created"));

        // An image: uploaded through the file input, listed, and served back (the browser decodes it).
        var image = Path.Combine(Flagon.Tests.Shared.TemporaryFolders.Create("flagon-upload-").FullName, "pixel.png");
        await File.WriteAllBytesAsync(image, OnePixelPng);
        browser.GoTo(new Uri(app.Url, "/admin/uploads"));
        browser.Find("input[type=file]").SendKeys(image);
        browser.ClickAndWait("main form button");
        Assert.Equal("Uploaded pixel.png.", browser.Find("p.flash").Text);
        var listed = browser.Find("#uploads img");
        Assert.EndsWith("/uploads/pixel.png", listed.GetAttribute("src"));
        Assert.True(WaitFor(() => Convert.ToInt64(browser.Script("const i = document.querySelector('#uploads img'); return i.complete ? i.naturalWidth : 0;")) == 1),
            "the uploaded image did not load in the browser");
        shots.Add(browser.Screenshot("uploaded"));

        // The home page lists the page for everyone.
        browser.GoTo(app.Url);
        Assert.Equal(["From the browser"], browser.FindAll("#pages li a").Select(a => a.Text));
        shots.Add(browser.Screenshot("home"));

        // A form whose hidden CSRF field was taken out: 400, and nothing saved.
        browser.GoTo(new Uri(app.Url, "/admin/pages/new"));
        Assert.Equal(1L, browser.Script("const f = document.querySelectorAll('main form input[name=__RequestVerificationToken]'); f.forEach(i => i.remove()); return f.length;"));
        browser.Find("input[name=title]").SendKeys("Forged");
        browser.Find("textarea[name=body]").SendKeys("A valid page in every other way.");
        browser.ClickAndWait("main form button");
        Assert.Equal("400 Bad Request", browser.Find("h1").Text);
        shots.Add(browser.Screenshot("csrf-refused"));
        browser.GoTo(app.Url);
        Assert.Equal(["From the browser"], browser.FindAll("#pages li a").Select(a => a.Text));

        foreach (var shot in shots)
        {
            Assert.True(new FileInfo(shot).Length > 1000, $"{shot} is not a screenshot");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(shot)[..4]);
        }
    }

    [Fact]
    public async Task The_api_reference_page_shows_the_operations_of_the_openapi_document()
    {
        var instance = await RealWorldSampleTests.NewInstanceWithAdmin();
        await using var app = await AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, "--INSTANCE_PATH", instance);
        using var browser = new ChromeBrowser(nameof(The_api_reference_page_shows_the_operations_of_the_openapi_document), output);

        // Scalar's page (its script served from the package, no network needed) reads /openapi/v1.json and lists the
        // api blueprint's operations with their doc-comment summaries.
        browser.GoTo(new Uri(app.Url, "/api/docs/"));
        bool shown = WaitFor(() => browser.Script("return document.body.innerText;") is string text
            && text.Contains("Every page, newest first.", StringComparison.Ordinal)
            && text.Contains("One page, with its text.", StringComparison.Ordinal));
        var shot = browser.Screenshot("api-reference");

        Assert.True(shown, $"the reference page did not list the operations: {browser.Script("return document.body.innerText;")}");
        Assert.Equal("RealWorld pages API", browser.Script("return document.querySelector('h1')?.innerText?.trim();"));
        Assert.True(new FileInfo(shot).Length > 1000, $"{shot} is not a screenshot");
    }

    private static bool WaitFor(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; Thread.Sleep(100))
        {
            if (condition())
            {
                return true;
            }
        }
        return false;
    }
}
