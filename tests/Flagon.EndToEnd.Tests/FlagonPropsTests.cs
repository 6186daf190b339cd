namespace Flagon.EndToEnd.Tests;

/// <summary>
/// A project outside the repository that uses Flagon's sources by importing the clone's Flagon.props behaves as one on
/// the package: literal AddUrlRule calls are compiled (no CS9137), its templates are checked at build time and copied
/// next to the app, which renders them.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class FlagonPropsTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("flagon-props-").FullName;

    private string CreateProject(string name, string program, string template)
    {
        var project = Path.Combine(work, name);
        Directory.CreateDirectory(Path.Combine(project, "templates"));
        ConsoleProject.Write(project, name, $"""<Import Project="{Path.Combine(Repository.Root, "Flagon.props")}" />""", program);
        File.WriteAllText(Path.Combine(project, "templates", "index.html"), template);
        return project;
    }

    private const string Program = """
        using Flagon;

        var app = new App(args);
        app.AddUrlRule("/added/<int:n>", Views.Added, endpoint: "added");
        app.Run();

        static class Views
        {
            [Route("/")]
            public static Response Index() => Template.Render("index.html", new { title = "From the sources" });

            public static string Added(int n) => $"compiled: {UrlFor.Added(n: n + 1)}";
        }
        """;

    [Fact]
    public async Task It_compiles_literal_url_rules_copies_the_templates_and_serves()
    {
        var project = CreateProject("FromSources", Program, """<h1>{{ title }}</h1><a href="{{ url_for('added', n=2) }}">next</a>""");

        await DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-c", "Release");

        var output = Path.Combine(project, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "templates", "index.html")), "templates/ is copied next to the app");
        // The project's own copy gone, the app (run from its output folder, as a deployed app is) renders the copied one.
        Directory.Delete(Path.Combine(project, "templates"), recursive: true);
        await using var app = await AppProcess.StartAsync(Path.Combine(output, "FromSources.dll"));
        using var client = new HttpClient { BaseAddress = app.Url };
        Assert.Equal("""<h1>From the sources</h1><a href="/added/2">next</a>""", await client.GetStringAsync("/"));
        Assert.Equal("compiled: /added/5", await client.GetStringAsync("/added/4"));
    }

    [Fact]
    public async Task Its_templates_are_checked_at_build_time()
    {
        var project = CreateProject("CheckedTemplates", Program, """<a href="{{ url_for('aded', n=2) }}">next</a>""");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-c", "Release"));

        Assert.Contains("index.html(1,22): error FLG0303: The template 'index.html' builds a URL for the unknown endpoint 'aded'; did you mean 'added'?", error.Message);
        Assert.DoesNotContain("CS9137", error.Message);
    }

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
