using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RealWorld.Data.Postgres;

/// <summary>The site's database on PostgreSQL (Npgsql's EF Core provider); its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresSiteDb(DbContextOptions<PostgresSiteDb> options) : SiteDb(options);

/// <summary>
/// How <c>dotnet ef migrations add Name --context PostgresSiteDb --output-dir Data/Migrations/Postgres</c> makes the
/// context; writing a migration needs no server.
/// </summary>
public sealed class DesignTimePostgresSiteDb : IDesignTimeDbContextFactory<PostgresSiteDb>
{
    public PostgresSiteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSiteDb>().UseNpgsql("Host=localhost;Database=realworld").Options);
}
