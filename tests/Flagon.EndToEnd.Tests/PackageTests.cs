using System.IO.Compression;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The one package a user adds: `dotnet pack` of Flagon.Runtime carries the generator and the analyzers,
/// and a fresh project that references only that package builds, generates its route table and serves.
/// </summary>
public sealed class PackageTests(PackedFlagon packed) : IClassFixture<PackedFlagon>
{
    [Fact]
    public void The_package_carries_the_runtime_the_generator_and_the_analyzers()
    {
        using var zip = ZipFile.OpenRead(packed.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/Flagon.Runtime.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Flagon.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Flagon.Analyzers.dll", entries);
    }

    [Fact]
    public async Task A_fresh_project_referencing_only_the_package_builds_and_serves()
    {
        var project = packed.CreateProject("FreshApp", """
            using Flagon;

            var app = new App(args);
            app.AddUrlRule("/added/<int:n>", Views.Added, endpoint: "added");
            app.Run();

            static class Views
            {
                [Route("/")]
                public static string Index() => "Served from the package";

                public static string Added(int n) => $"Added by a compiled AddUrlRule: {n} {UrlFor.Added(n: n + 1)}";
            }
            """);

        await DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-c", "Release");

        await using var app = await AppProcess.StartAsync(Path.Combine(project, "bin", "Release", "net10.0", "FreshApp.dll"));
        using var client = new HttpClient { BaseAddress = app.Url };
        Assert.Equal("Served from the package", await client.GetStringAsync("/"));
        // UrlFor.Added exists only because the generator compiled the AddUrlRule call (the package's props opt in).
        Assert.Equal("Added by a compiled AddUrlRule: 4 /added/5", await client.GetStringAsync("/added/4"));
    }

    [Fact]
    public async Task The_packaged_analyzers_report_a_bad_rule_with_file_line_and_column()
    {
        const string badLine = """    [Flagon.Route("/page/<integer:pk>")]""";
        var project = packed.CreateProject("Broken", $$"""
            new Flagon.App(args).Run();
            static class Views
            {
            {{badLine}}
                public static string Page() => "x";
                public static string Who() => Flagon.Globals.Request.Path;
            }
            """);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build"));

        // The column points inside the string literal, at the converter's name.
        int column = badLine.IndexOf("integer", StringComparison.Ordinal) + 1;
        Assert.Contains($"Program.cs(4,{column}): error FLG0003: The rule '/page/<integer:pk>' uses the unknown converter 'integer'", error.Message);
        // A context used outside a request, with the member and the fix.
        // (A warning, made an error by the project's TreatWarningsAsErrors.)
        Assert.Contains("Program.cs(6,35): error FLG0201: 'Globals.Request' needs a request context, but 'Who' may run outside a request", error.Message);
    }
}
