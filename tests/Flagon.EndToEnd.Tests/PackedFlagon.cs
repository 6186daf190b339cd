namespace Flagon.EndToEnd.Tests;

/// <summary>
/// Packs Flagon.Runtime once for the tests that use it, into a temporary feed, and makes fresh projects
/// outside the repository that reference only that package (as a user's project would).
/// </summary>
public sealed class PackedFlagon : IAsyncLifetime
{
    public const string Version = "0.1.0-local";

    private readonly string work = Directory.CreateTempSubdirectory("flagon-package-").FullName;

    public string Feed => Path.Combine(work, "feed");

    public string Package => Path.Combine(Feed, $"Flagon.Runtime.{Version}.nupkg");

    public Task InitializeAsync() => DotnetCommand.RunAsync(Repository.Root, TimeSpan.FromMinutes(5),
        "pack", "Flagon.Runtime/Flagon.Runtime.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}");

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        return Task.CompletedTask;
    }

    /// <summary>Writes a console project named <paramref name="name"/> with one Program.cs; returns its folder.</summary>
    public string CreateProject(string name, string program)
    {
        var project = Path.Combine(work, name);
        Directory.CreateDirectory(project);
        // Only the local feed and the packages already restored on this machine: a fresh restore needs no network.
        var restored = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="flagon" value="{Feed}" />
                <add key="restored" value="{restored}" />
              </packageSources>
            </configuration>
            """);
        ConsoleProject.Write(project, name, $"""<ItemGroup><PackageReference Include="Flagon.Runtime" Version="{Version}" /></ItemGroup>""", program);
        return project;
    }
}
