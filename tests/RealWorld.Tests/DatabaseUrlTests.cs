using Flagon;
using RealWorld.Extensions;

namespace RealWorld.Tests;

/// <summary>How the sample reads <c>DATABASE_URL</c>: SQLite files in or out of the instance folder, PostgreSQL URLs, and what it refuses.</summary>
public class DatabaseUrlTests
{
    private static Database.Target Read(string? url)
    {
        var app = new App(["--INSTANCE_PATH", "/srv/site/instance", .. url is null ? Array.Empty<string>() : ["--DATABASE_URL", url]]);
        return Database.Target.Of(app);
    }

    [Theory]
    [InlineData(null, "/srv/site/instance/realworld.db")]
    [InlineData("sqlite:///other.db", "/srv/site/instance/other.db")]
    [InlineData("sqlite:////var/lib/site/site.db", "/var/lib/site/site.db")]
    public void Sqlite_urls_name_a_file_relative_to_the_instance_folder_or_absolute(string? url, string file)
    {
        var target = Read(url);

        Assert.Equal((file, null), (target.SqliteFile, target.PostgresConnectionString));
    }

    [Theory]
    [InlineData("postgresql://ada:s%3Acret@db.example:6543/site?sslmode=require", "Host=db.example;Port=6543;Database=site;Username=ada;Password=s:cret;SSL Mode=Require")]
    [InlineData("postgres://127.0.0.1/", "Host=127.0.0.1;Port=5432;Database=realworld")]
    public void Postgresql_urls_become_npgsql_connection_strings(string url, string connectionString)
    {
        var target = Read(url);

        Assert.Null(target.SqliteFile);
        Assert.Equal(connectionString, target.PostgresConnectionString);
    }

    [Fact]
    public void The_password_is_kept_out_of_what_is_shown()
    {
        var target = Read("postgresql://ada:secret@db.example/site");

        Assert.DoesNotContain("secret", target.ToString());
        Assert.Contains("Host=db.example", target.ToString());
    }

    [Theory]
    [InlineData("mysql://ada:secret@db/site", "is not a database this sample knows")]
    [InlineData("postgresql://db/site?colour=blue", "'colour' is not an Npgsql connection setting")]
    public void Other_urls_are_refused_with_what_to_write(string url, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(url));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
