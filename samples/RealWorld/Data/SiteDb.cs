using Microsoft.EntityFrameworkCore;

namespace RealWorld.Data;

/// <summary>
/// The site's database (Flask-SQLAlchemy's <c>db</c>): its pages and its admins. Views and commands ask for this
/// type; the database behind it is SQLite (<see cref="Sqlite.SqliteSiteDb"/>) or PostgreSQL
/// (<see cref="Postgres.PostgresSiteDb"/>), each with the migrations written for it.
/// </summary>
public abstract class SiteDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Page> Pages => Set<Page>();

    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<User>().HasIndex(u => u.Username).IsUnique();
        model.Entity<Page>().HasIndex(p => p.CreatedUtc);
    }
}
