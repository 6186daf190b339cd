using Microsoft.EntityFrameworkCore;

namespace RealWorld.Data;

/// <summary>The site's database (Flask-SQLAlchemy's <c>db</c>): its pages and its admins.</summary>
public sealed class SiteDb(DbContextOptions<SiteDb> options) : DbContext(options)
{
    public DbSet<Page> Pages => Set<Page>();

    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<User>().HasIndex(u => u.Username).IsUnique();
        model.Entity<Page>().HasIndex(p => p.CreatedUtc);
    }
}
