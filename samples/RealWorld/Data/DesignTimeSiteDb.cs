using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RealWorld.Data;

/// <summary>
/// How <c>dotnet ef migrations add</c> makes the context (the tool does not run the app): SQLite, the provider the
/// checked-in migrations are written for.
/// </summary>
public sealed class DesignTimeSiteDb : IDesignTimeDbContextFactory<SiteDb>
{
    public SiteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SiteDb>().UseSqlite("Data Source=design-time.db").Options);
}
