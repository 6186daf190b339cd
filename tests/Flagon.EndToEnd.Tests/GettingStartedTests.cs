using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// docs/getting-started.md, word for word: its shell blocks run under bash as written, with a fresh folder as the home
/// folder (~: the feed, the installed templates and NuGet's user settings go there, not into the real ones) and NuGet's
/// package cache shared with this machine (no download of what is already restored). Only <c>dotnet run</c>, which
/// serves until stopped, becomes <c>dotnet build</c>; the test then starts the built app and asks it for pages.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed partial class GettingStartedTests(GettingStartedTests.Feed feed) : IClassFixture<GettingStartedTests.Feed>
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "getting-started.md"));

    /// <summary>The page's shell blocks, in order.</summary>
    private static readonly List<string> Shell = [.. ShellBlocks().Matches(Page).Select(m => Dedent(m.Groups[1].Value))];

    [Fact]
    public void The_page_packs_installs_the_templates_and_adds_the_feed()
    {
        Assert.Equal("./pack.sh ~/flagon-feed", Shell[0]);
        Assert.Matches(@"Packed Flagon\.Runtime, Flagon\.OpenApi, Flagon\.Shell and Flagon\.Templates 0\.1\.0-local\.\d{14} into ", feed.PackOutput);
        foreach (var package in new[] { "Flagon.Runtime", "Flagon.OpenApi", "Flagon.Shell" })
        {
            Assert.Single(Directory.GetFiles(Path.Combine(feed.Home, "flagon-feed"), $"{package}.0.1.0-local.*.nupkg"));
        }
        Assert.Single(Directory.GetFiles(Path.Combine(feed.Home, "flagon-feed"), "Flagon.Templates.*.nupkg"));
        Assert.Contains("flagon-app", feed.InstallOutput);
        Assert.Contains(Path.Combine(feed.Home, "flagon-feed"), File.ReadAllText(Path.Combine(feed.Home, ".nuget", "NuGet", "NuGet.Config")));
    }

    [Fact]
    public async Task Dotnet_new_flagon_makes_the_pages_hello_app_and_it_serves()
    {
        var block = Shell.Single(b => b.StartsWith("dotnet new flagon -n MyApp", StringComparison.Ordinal));
        var work = feed.NewFolder();
        await feed.RunAsync(block, work);

        var project = Path.Combine(work, "MyApp");
        Assert.Equal(HelloProgram, File.ReadAllText(Path.Combine(project, "Program.cs")).TrimEnd().Replace("\r\n", "\n"));
        await AssertServesHelloAsync(project);
    }

    [Fact]
    public async Task Dotnet_new_flagon_app_makes_the_real_world_tree_whose_tests_pass_and_which_serves()
    {
        var block = Shell.Single(b => b.StartsWith("dotnet new flagon-app -n Site", StringComparison.Ordinal));
        var work = feed.NewFolder();
        var output = await feed.RunAsync(block, work);   // runs the new project's own tests: a failing one fails this

        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+5,", output);
        var site = Path.Combine(work, "Site", "Site");
        foreach (var file in new[] { "AppFactory.cs", "Settings.cs", "Models.cs", "Views.cs", "Commands.cs", "Notes/NotesBlueprint.cs", "templates/base.html", "static/style.css" })
        {
            Assert.True(File.Exists(Path.Combine(site, file)), file);
        }
        await using var app = await AppProcess.StartAsync(Path.Combine(site, "bin", "Debug", "net10.0", "Site.dll"));
        using var client = new HttpClient { BaseAddress = app.Url };
        Assert.Contains("Hello from Site!", await client.GetStringAsync("/"));
        Assert.Contains("__RequestVerificationToken", await client.GetStringAsync("/notes/"));
        using var css = await client.GetAsync("/static/style.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        using var missing = await client.GetAsync("/notes/12345");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("This page does not exist.", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_the_templates_a_console_project_adds_the_package_and_serves_the_same_code()
    {
        var block = Shell.Single(b => b.StartsWith("dotnet new console -n MyApp", StringComparison.Ordinal));
        var work = feed.NewFolder();
        await feed.RunAsync(block, work);

        var project = Path.Combine(work, "MyApp");
        File.WriteAllText(Path.Combine(project, "Program.cs"), HelloProgram);
        await feed.RunAsync("dotnet build", project);
        await AssertServesHelloAsync(project);
    }

    [Fact]
    public async Task The_openapi_page_adds_its_package_to_a_new_app_which_serves_the_document()
    {
        var openapi = File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.md"));
        var work = feed.NewFolder();
        await feed.RunAsync(Shell.Single(b => b.StartsWith("dotnet new flagon -n MyApp", StringComparison.Ordinal)), work);
        var project = Path.Combine(work, "MyApp");

        // docs/openapi.md, "Serve the document": the package, then its Program.cs.
        await feed.RunAsync(ShellBlocks().Matches(openapi).Select(m => Dedent(m.Groups[1].Value)).First(), project);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Dedent(CSharpBlocks().Match(openapi).Groups[1].Value));
        await feed.RunAsync("dotnet build", project);

        await using var app = await AppProcess.StartAsync(Path.Combine(project, "bin", "Debug", "net10.0", "MyApp.dll"));
        using var client = new HttpClient { BaseAddress = app.Url };
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var hello = document["paths"]!["/hello/{name}"]!["get"]!;
        Assert.Equal(("hello", "Greets someone by name."), ((string)hello["operationId"]!, (string)hello["summary"]!));
        Assert.Equal("#/components/schemas/Greeting", (string)hello["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.Equal("{\"text\":\"Hello, Ada!\"}", await client.GetStringAsync("/hello/Ada"));
    }

    /// <summary>The page's C# block: the Program.cs of step 3.</summary>
    private static string HelloProgram => Dedent(CSharpBlocks().Match(Page).Groups[1].Value);

    private static async Task AssertServesHelloAsync(string project)
    {
        await using var app = await AppProcess.StartAsync(Path.Combine(project, "bin", "Debug", "net10.0", "MyApp.dll"));
        using var client = new HttpClient { BaseAddress = app.Url };
        Assert.Equal("Hello, world!", await client.GetStringAsync("/"));
    }

    /// <summary>A home folder with the feed packed, the templates installed and the feed added, by the page's first two blocks.</summary>
    public sealed class Feed : IAsyncLifetime
    {
        private readonly string root = Directory.CreateTempSubdirectory("flagon-start-").FullName;

        public string Home => Path.Combine(root, "home");

        public string PackOutput { get; private set; } = "";

        public string InstallOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Home);
            PackOutput = await RunAsync(Shell[0], Repository.Root);
            InstallOutput = await RunAsync(Shell.Single(b => b.StartsWith("dotnet new install", StringComparison.Ordinal)), NewFolder());
        }

        private int folders;

        /// <summary>A new empty folder to work in, beside the home folder.</summary>
        public string NewFolder() => Directory.CreateDirectory(Path.Combine(root, $"work-{Interlocked.Increment(ref folders)}")).FullName;

        /// <summary>Runs a shell block with bash (stopping at the first failing line) in <paramref name="directory"/>, with ~ as <see cref="Home"/>.</summary>
        public Task<string> RunAsync(string block, string directory)
        {
            var script = string.Join('\n', block.Split('\n').Select(BuildInsteadOfRun));
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return DotnetCommand.RunProgramAsync("bash", directory, TimeSpan.FromMinutes(8),
                new Dictionary<string, string> { ["HOME"] = Home, ["NUGET_PACKAGES"] = packages, ["DOTNET_CLI_HOME"] = Home },
                "-e", "-c", script);
        }

        // `dotnet run [--project P] [-- arguments]` serves until stopped: build the same project instead.
        private static string BuildInsteadOfRun(string line)
        {
            if (!line.StartsWith("dotnet run", StringComparison.Ordinal)) return line;
            var words = line.Split(" -- ")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int project = Array.IndexOf(words, "--project");
            return project >= 0 ? $"dotnet build {words[project + 1]}" : "dotnet build";
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
            return Task.CompletedTask;
        }
    }

    private static string Dedent(string block)
    {
        var lines = block.TrimEnd().Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"```sh\n(.*?)\n\s*```", RegexOptions.Singleline)]
    private static partial Regex ShellBlocks();

    [GeneratedRegex(@"```csharp\n(.*?)\n\s*```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();
}
