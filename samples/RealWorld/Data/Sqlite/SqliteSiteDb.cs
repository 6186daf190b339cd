using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RealWorld.Data.Sqlite;

/// <summary>The site's database on SQLite, the embedded default; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteSiteDb(DbContextOptions<SqliteSiteDb> options) : SiteDb(options);

/// <summary>
/// How <c>dotnet ef migrations add Name --context SqliteSiteDb --output-dir Data/Migrations/Sqlite</c> makes the
/// context (the tool does not run the app).
/// </summary>
public sealed class DesignTimeSqliteSiteDb : IDesignTimeDbContextFactory<SqliteSiteDb>
{
    public SqliteSiteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSiteDb>().UseSqlite("Data Source=design-time.db").Options);
}
