using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// docs/getting-started.md, word for word: pack Flagon into a local feed with ./pack.sh, make a console project, add
/// the package from the feed, replace Program.cs with the page's code, and serve it.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed partial class LocalFeedTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("flagon-feed-").FullName;

    [Fact]
    public async Task The_getting_started_steps_pack_add_and_serve_the_hello_app()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "getting-started.md"));
        var shell = ShellBlocks().Matches(page).Select(m => Dedent(m.Groups[1].Value)).ToList();
        var program = Dedent(CSharpBlocks().Match(page).Groups[1].Value);
        Assert.Equal("./pack.sh ~/flagon-feed", shell[0]);
        Assert.Equal("dotnet new console -n MyApp && cd MyApp\ndotnet add package Flagon.Runtime --prerelease --source ~/flagon-feed", shell[1]);

        // The same commands, with a fresh folder standing for ~ (the feed) and for the user's working folder.
        var feed = Path.Combine(work, "flagon-feed");
        var packed = await DotnetCommand.RunProgramAsync("bash", Repository.Root, TimeSpan.FromMinutes(5), "./pack.sh", feed);
        Assert.Matches($"Packed Flagon.Runtime 0\\.1\\.0-local\\.\\d{{14}} into {Regex.Escape(feed)}", packed);
        Assert.Contains($"dotnet add package Flagon.Runtime --prerelease --source {feed}", packed);

        await DotnetCommand.RunAsync(work, TimeSpan.FromMinutes(2), "new", "console", "-n", "MyApp");
        var project = Path.Combine(work, "MyApp");
        await DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "add", "package", "Flagon.Runtime", "--prerelease", "--source", feed);
        File.WriteAllText(Path.Combine(project, "Program.cs"), program);
        await DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build");

        await using var app = await AppProcess.StartAsync(Path.Combine(project, "bin", "Debug", "net10.0", "MyApp.dll"));
        using var client = new HttpClient { BaseAddress = app.Url };
        Assert.Equal("Hello, world!", await client.GetStringAsync("/"));
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

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
