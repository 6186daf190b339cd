using Flagon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealWorld.Data;

namespace RealWorld.Extensions;

/// <summary>
/// The sample's Flask-SQLAlchemy: an extension that gives each app its database through EF Core. <c>InitApp</c>
/// registers <see cref="SiteDb"/> as a scoped service (one per request, disposed when the request ends, after its
/// teardown), picks the database from <c>DATABASE_URL</c>, adds a health check, and creates and migrates the
/// database when the app starts, from the migrations checked in under Data/Migrations.
/// </summary>
/// <remarks>
/// <c>DATABASE_URL</c>: unset, the SQLite file <c>realworld.db</c> in the app's instance folder;
/// <c>sqlite:///name.db</c>, a file relative to the instance folder (as Flask-SQLAlchemy reads it);
/// <c>sqlite:////absolute/path.db</c>, an absolute path.
/// </remarks>
public sealed class Database : IExtension
{
    /// <summary>The file name of the default database, in the instance folder.</summary>
    public const string DefaultFile = "realworld.db";

    public void InitApp(App app)
    {
        var path = SqlitePath(app);
        app.Extensions["database"] = path;
        app.Services.AddDbContext<SiteDb>(options => options.UseSqlite($"Data Source={path}"));
        app.Services.AddHealthChecks().AddDbContextCheck<SiteDb>("database");
        app.Services.AddSingleton<IStartupFilter>(new MigrateOnStart(path));
    }

    /// <summary>The SQLite file <paramref name="app"/> uses.</summary>
    /// <exception cref="InvalidOperationException"><c>DATABASE_URL</c> is not a SQLite URL.</exception>
    public static string SqlitePath(App app)
    {
        var url = app.Config["DATABASE_URL"];
        if (string.IsNullOrEmpty(url))
        {
            return Path.Combine(app.InstancePath, DefaultFile);
        }
        const string scheme = "sqlite:///";
        if (!url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || url.Length == scheme.Length)
        {
            throw new InvalidOperationException(
                $"DATABASE_URL '{url}' is not a database this sample knows: use sqlite:///name.db (in the instance folder) or sqlite:////absolute/path.db.");
        }
        var rest = url[scheme.Length..];
        return rest.StartsWith('/') ? rest : Path.Combine(app.InstancePath, rest);
    }

    /// <summary>Creates the database's folder and applies the migrations it lacks (all of them, the first time).</summary>
    public static void Migrate(IServiceProvider services, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteDb>().Database.Migrate();
    }

    // Migrates when the server starts (Kestrel or the test server), before the first request.
    private sealed class MigrateOnStart(string path) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            Migrate(builder.ApplicationServices, path);
            next(builder);
        };
    }
}
