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
        using (var other = new SqliteConnection($"Data Source={file}"))
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
}
