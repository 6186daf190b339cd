using Flagon.Testing;
using Microsoft.Data.Sqlite;

namespace RealWorld.Tests;

/// <summary>
/// The SQLite file held by another writer (a backup, a migration, a long write in another process): a page that
/// writes answers 503 with a log line after SQLITE_TIMEOUT_SECONDS, nothing is half-saved, the pages that only read
/// are served meanwhile (the database is in WAL mode), and writing works again once the file is free.
/// </summary>
public class DatabaseFaultTests
{
    [Fact]
    public async Task A_database_held_by_another_writer_is_503_on_writes_only_and_heals_when_released()
    {
        using var site = new Site(null, "--SQLITE_TIMEOUT_SECONDS", "1").WithUser();
        await site.LogIn();
        var token = await site.TokenFrom("/admin/pages/new");
        var file = Path.Combine(site.Instance, "realworld.db");

        TestResponse refused, index;
        // Not pooled: closing it must end the other process's transaction (a pooled connection would keep it, and the lock).
        using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            other.Open();
            using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";   // another process's write transaction
            hold.ExecuteNonQuery();

            refused = await site.Client.Post("/admin/pages/new", form: [new("title", "Held"), new("body", "b"), new("__RequestVerificationToken", token)]);
            index = await site.Client.Get("/");
        }
        var saved = await site.Client.Post("/admin/pages/new", form: [new("title", "Free"), new("body", "b"), new("__RequestVerificationToken", token)]);

        Assert.Equal(503, refused.Status);
        Assert.Contains("database is busy or cannot be written right now", refused.Text);
        Assert.Equal(200, index.Status);
        Assert.Equal((302, 1), (saved.Status, site.PageCount()));
    }

    [Fact]
    public async Task A_database_file_that_cannot_be_written_is_503_on_writes_with_a_log_line_and_heals()
    {
        // In the test's own folder, on the repository's file system: the temporary folder's may not keep file attributes.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "frozen-db-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await FrozenDatabaseIsRefusedAndHeals(folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FrozenDatabaseIsRefusedAndHeals(string folder)
    {
        using var site = new Site(folder).WithUser();
        await site.LogIn();
        var token = await site.TokenFrom("/admin/pages/new");
        var file = Path.Combine(site.Instance, "realworld.db");
        int before = site.PageCount();

        // Read-only for every user, root included (file modes do not stop root): the immutable attribute.
        TestResponse refused, index;
        Chattr("+i", file);
        try
        {
            SqliteConnection.ClearAllPools();   // the open connections were opened for writing before
            refused = await site.Client.Post("/admin/pages/new", form: [new("title", "Frozen"), new("body", "b"), new("__RequestVerificationToken", token)]);
            index = await site.Client.Get("/");
        }
        finally
        {
            Chattr("-i", file);
            SqliteConnection.ClearAllPools();
        }
        var saved = await site.Client.Post("/admin/pages/new", form: [new("title", "Thawed"), new("body", "b"), new("__RequestVerificationToken", token)]);

        Assert.Equal(503, refused.Status);
        Assert.Contains("database is busy or cannot be written right now", refused.Text);
        Assert.Contains(site.Logs, line => line.Contains("The database is unavailable (SQLite error 8", StringComparison.Ordinal));
        Assert.Equal(200, index.Status);
        Assert.Equal((302, before + 1), (saved.Status, site.PageCount()));
    }

    private static void Chattr(string flag, string file)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [flag, file]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("chattr did not start");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chattr {flag} {file} failed (this test needs root and an ext4-like file system): {error}");
    }
}
