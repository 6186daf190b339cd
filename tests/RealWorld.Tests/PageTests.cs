namespace RealWorld.Tests;

/// <summary>Pages: written in the admin with validation and CSRF tokens, listed and shown to everyone.</summary>
public class PageTests
{
    [Fact]
    public async Task A_page_written_in_the_admin_is_listed_and_shown_escaped()
    {
        using var site = new Site().WithUser();
        await site.LogIn();

        var created = await site.PostForm("/admin/pages/new", "/admin/pages/new", new("title", "Hello <b>world</b>"), new("body", "first line\nsecond <script>x</script>"));
        site.Client.FollowRedirects = true;
        var shown = await site.Client.Get(created.Location!);
        var index = await site.Client.Get("/");

        Assert.Equal((302, "/page/1"), (created.Status, created.Location));
        Assert.Contains("<h1>Hello &lt;b&gt;world&lt;/b&gt;</h1>", shown.Text);
        Assert.Contains("second &lt;script&gt;x&lt;/script&gt;", shown.Text);
        Assert.Contains("<p class=\"flash info\">Created the page Hello &lt;b&gt;world&lt;/b&gt;.</p>", shown.Text);
        Assert.Contains("<a href=\"/page/1\">Hello &lt;b&gt;world&lt;/b&gt;</a>", index.Text);
    }

    [Fact]
    public async Task A_form_without_its_token_or_with_a_wrong_one_is_refused_and_nothing_is_saved()
    {
        using var site = new Site().WithUser();
        await site.LogIn();

        var missing = await site.Client.Post("/admin/pages/new", form: [new("title", "t"), new("body", "b")]);
        var wrong = await site.Client.Post("/admin/pages/new", form: [new("title", "t"), new("body", "b"), new("__RequestVerificationToken", "forged")]);

        Assert.Equal(400, missing.Status);
        Assert.Equal(400, wrong.Status);
        Assert.Contains("400 Bad Request", missing.Text);
        Assert.Equal(0, site.PageCount());
    }

    [Fact]
    public async Task Validation_errors_are_shown_next_to_the_fields_with_the_values_kept()
    {
        using var site = new Site().WithUser();
        await site.LogIn();

        var empty = await site.PostForm("/admin/pages/new", "/admin/pages/new", new("title", "  "), new("body", "kept body"));
        var tooLong = await site.PostForm("/admin/pages/new", "/admin/pages/new", new("title", new string('x', 201)), new("body", ""));

        Assert.Equal(422, empty.Status);
        Assert.Contains("<p class=\"error\" id=\"title-error\">A page needs a title.</p>", empty.Text);
        Assert.Contains(">kept body</textarea>", empty.Text);
        Assert.Equal(422, tooLong.Status);
        Assert.Contains("The title is at most 200 characters.", tooLong.Text);
        Assert.Contains("A page needs a body.", tooLong.Text);
        Assert.Equal(0, site.PageCount());
    }

    [Fact]
    public async Task Editing_a_page_saves_it_and_a_missing_one_is_404()
    {
        using var site = new Site().WithUser();
        await site.LogIn();
        await site.PostForm("/admin/pages/new", "/admin/pages/new", new("title", "Draft"), new("body", "text"));

        var form = await site.Client.Get("/admin/pages/1/edit");
        var saved = await site.PostForm("/admin/pages/1/edit", "/admin/pages/1/edit", new("title", "Final"), new("body", "better text"));
        var shown = await site.Client.Get("/page/1");
        var missingEdit = await site.Client.Get("/admin/pages/99/edit");

        Assert.Contains("value=\"Draft\"", form.Text);
        Assert.Equal((302, "/page/1"), (saved.Status, saved.Location));
        Assert.Contains("<h1>Final</h1>", shown.Text);
        Assert.Contains("better text", shown.Text);
        Assert.Equal(404, missingEdit.Status);
    }

    [Fact]
    public async Task A_missing_page_is_the_404_page()
    {
        using var site = new Site();

        var missing = await site.Client.Get("/page/42");

        Assert.Equal(404, missing.Status);
        Assert.Contains("<h1>404 Not Found</h1>", missing.Text);
        Assert.Contains("<nav>", missing.Text);
    }

    [Fact]
    public async Task The_index_is_paginated_newest_first()
    {
        using var site = new Site(null, "--PAGE_SIZE", "2").WithUser();
        await site.LogIn();
        for (int i = 1; i <= 5; i++)
        {
            await site.PostForm("/admin/pages/new", "/admin/pages/new", new("title", $"Page {i}"), new("body", "b"));
        }

        var first = await site.Client.Get("/");
        var third = await site.Client.Get("/?page=3");
        var past = await site.Client.Get("/?page=4");
        var junk = await site.Client.Get("/?page=two");

        Assert.Contains("Page 5</a>", first.Text);
        Assert.Contains("Page 4</a>", first.Text);
        Assert.DoesNotContain("Page 3</a>", first.Text);
        Assert.Contains("page 1 of 3", first.Text);
        Assert.Contains("<a rel=\"next\" href=\"/?page=2\">", first.Text);
        Assert.Contains("Page 1</a>", third.Text);
        Assert.DoesNotContain("rel=\"next\"", third.Text);
        Assert.Equal(404, past.Status);
        Assert.Equal(404, junk.Status);
    }

    [Fact]
    public async Task Pages_are_kept_across_a_restart_in_the_same_database_file()
    {
        var instance = Directory.CreateTempSubdirectory("realworld-restart-").FullName;
        try
        {
            using (var first = new Site(instance).WithUser())
            {
                await first.LogIn();
                await first.PostForm("/admin/pages/new", "/admin/pages/new", new("title", "Survives"), new("body", "a restart"));
            }
            using var second = new Site(instance);

            var shown = await second.Client.Get("/page/1");

            Assert.Contains("<h1>Survives</h1>", shown.Text);
            Assert.True(File.Exists(Path.Combine(instance, "realworld.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(instance, recursive: true);
        }
    }
}
