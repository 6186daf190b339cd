using System.Text.RegularExpressions;
using Flagon;
using Flagon.Testing;

namespace FlagonApp.Tests;

/// <summary>
/// Flask-Testing's TestCase: each test gets a new app from the factory, in testing mode, on its own database file,
/// with a test client (Client) and a request context for the test's own code.
/// </summary>
public sealed partial class SiteTests : FlagonTestCase
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"flagonapp-test-{Guid.NewGuid():N}.db");

    protected override App CreateApp() => AppFactory.CreateApp(["--DATABASE", database]);

    [Fact]
    public async Task The_index_greets_and_links_the_notes()
    {
        var index = await Client.Get(UrlFor.Index());

        Assert.Equal(200, index.Status);
        Assert.Contains("Hello from FlagonApp!", index.Text);
        Assert.Contains(UrlFor.NotesBlueprint.List(), index.Text);
    }

    [Fact]
    public async Task A_note_posted_with_the_form_token_is_saved_and_shown()
    {
        var form = await Client.Get(UrlFor.NotesBlueprint.List());
        string token = TokenField().Match(form.Text).Groups[1].Value;

        var saved = await Client.Post(UrlFor.NotesBlueprint.Create(), form: [new("text", "Buy <milk>"), new("__RequestVerificationToken", token)], followRedirects: true);

        Assert.Equal(200, saved.Status);
        Assert.Contains("Buy &lt;milk&gt;", saved.Text);
        Assert.Contains("Note saved.", saved.Text);
    }

    [Fact]
    public async Task The_shell_sees_the_notes_in_the_apps_database()
    {
        var form = await Client.Get(UrlFor.NotesBlueprint.List());
        string token = TokenField().Match(form.Text).Groups[1].Value;
        await Client.Post(UrlFor.NotesBlueprint.Create(), form: [new("text", "From a test"), new("__RequestVerificationToken", token)]);

        var result = App.TestCliRunner().Invoke("shell", "-c", "Get<NotesDb>().Notes.Single().Text");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("\"From a test\"", result.Output.Trim());
    }

    [Fact]
    public async Task A_post_without_the_token_is_refused()
    {
        var refused = await Client.Post(UrlFor.NotesBlueprint.Create(), form: [new("text", "no token")]);

        Assert.Equal(400, refused.Status);
    }

    [Fact]
    public async Task An_unknown_note_is_the_404_page()
    {
        var missing = await Client.Get(UrlFor.NotesBlueprint.Show(id: 999));

        Assert.Equal(404, missing.Status);
        Assert.Contains("This page does not exist.", missing.Text);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database);
    }
}
