using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit.Abstractions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// Debian's headless Chromium driven over WebDriver by Debian's chromedriver (both installed when missing:
/// <see cref="SystemPackages"/>; no browser is downloaded). Screenshots go to <c>screenshots/&lt;test&gt;/</c> in the test
/// output folder, and their paths are written to the test's output.
/// </summary>
internal sealed class ChromeBrowser : IDisposable
{
    private const string DriverPath = "/usr/bin/chromedriver";
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly ITestOutputHelper output;
    private int shots;

    public ChromeBrowser(string test, ITestOutputHelper output)
    {
        SystemPackages.Require("chromium");
        SystemPackages.Require("chromium-driver");
        if (!File.Exists(DriverPath) || !File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("The browser test needs Debian's chromium and chromium-driver: `apt-get install chromium chromium-driver`.");
        }
        this.output = output;
        ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots", test);
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }
        Directory.CreateDirectory(ScreenshotFolder);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--window-size=1200,900", $"--user-data-dir={Flagon.Tests.Shared.TemporaryFolders.Create("flagon-chromium-").FullName}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    /// <summary>The WebDriver session.</summary>
    public IWebDriver Driver { get; }

    /// <summary>Where this test's screenshots are saved.</summary>
    public string ScreenshotFolder { get; }

    public void GoTo(Uri url) => Driver.Navigate().GoToUrl(url);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public object? Script(string script, params object[] arguments) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, arguments);

    /// <summary>Clicks the element and waits until the page it leads to has replaced this one (a form's answer).</summary>
    public void ClickAndWait(string css)
    {
        var page = Find("html");
        Find(css).Click();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; Thread.Sleep(50))
        {
            try
            {
                _ = page.TagName;
            }
            catch (StaleElementReferenceException)
            {
                break;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Clicking {css} on {Driver.Url} led to no new page.");
            }
        }
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !"complete".Equals(Script("return document.readyState;")) && DateTime.UtcNow < deadline; Thread.Sleep(50))
        {
        }
    }

    /// <summary>Saves a screenshot of the page as it is now, numbered in order, and returns its path.</summary>
    public string Screenshot(string name)
    {
        var path = Path.Combine(ScreenshotFolder, $"{++shots:00}-{name}.png");
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(path);
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
