using System.IO.Compression;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The one package a user adds: `dotnet pack` of Flagon.Runtime carries the generator and the analyzers,
/// and a fresh project that references only that package builds, generates its route table and serves.
/// </summary>
[Collection(RepositoryBuilds.Name)]
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
    public void The_package_has_its_metadata_docs_readme_source_link_and_symbols()
    {
        using var zip = ZipFile.OpenRead(packed.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        using var nuspecStream = zip.Entries.Single(e => e.FullName == "Flagon.Runtime.nuspec").Open();
        var nuspec = System.Xml.Linq.XDocument.Load(nuspecStream).Root!;
        var ns = nuspec.Name.Namespace;
        var metadata = nuspec.Element(ns + "metadata")!;
        string? Meta(string name) => metadata.Element(ns + name)?.Value;

        Assert.Equal(PackedFlagon.Version, Meta("version"));
        Assert.Equal("MIT", Meta("license"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.Contains("README.md", entries);
        Assert.False(string.IsNullOrWhiteSpace(Meta("description")));
        Assert.Equal("Flagon contributors", Meta("authors"));
        // Source Link: the commit the package was built from (and the remote's URL, when the clone has one).
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        // The XML docs for IntelliSense, and the symbols beside the package.
        Assert.Contains("lib/net10.0/Flagon.Runtime.xml", entries);
        Assert.True(File.Exists(Path.ChangeExtension(packed.Package, ".snupkg")));
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

    [Fact]
    public async Task A_new_users_mistakes_are_reported_where_they_are_with_the_fix()
    {
        var project = packed.CreateProject("FirstApp", """
            using Flagon;
            using static Flagon.Globals;

            var app = new App(args);
            var name = CurrentApp.Name;
            app.Run();

            static class Views
            {
                [Route("/user/<username>")]
                public static string Profile(string name) => $"User {name}";

                [Route("/post/<int:post_id>")]
                public static string ShowPost(System.Guid post_id) => $"Post {post_id}";

                [Route("/")]
                public static string Index() => "home";

                [Route("/login")]
                public static string Login() => Url.For("profle", new { username = "ann" });
            }
            """);
        Directory.CreateDirectory(Path.Combine(project, "templates"));
        File.WriteAllText(Path.Combine(project, "templates", "index.html"), """<a href="{{ url_for('show_pots') }}">post</a>""");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build"));

        Assert.Contains("Program.cs(5,12): error FLG0202: 'Globals.CurrentApp' needs an app context, but the top-level statements may run outside one; push one first with app.AppContext()", error.Message);
        Assert.Contains("Program.cs(10,19): error FLG0101: The rule variable 'username' has no parameter of that name in the view 'Profile'", error.Message);
        Assert.Contains("Program.cs(13,19): error FLG0103: The rule variable 'post_id' uses the converter 'int', which cannot bind to the parameter type 'System.Guid'", error.Message);
        // The views above have errors of their own, but their endpoints exist: the typo gets a suggestion, not a cascade.
        Assert.Contains("Program.cs(20,45): error FLG0110: Url.For names the unknown endpoint 'profle'; did you mean 'profile'?", error.Message);
        Assert.Contains("index.html(1,22): error FLG0303: The template 'index.html' builds a URL for the unknown endpoint 'show_pots'; did you mean 'show_post'?", error.Message);
        Assert.DoesNotContain("unknown endpoint 'profile'", error.Message);
    }
}
