using Flagon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RealWorld.Data;
using RealWorld.Data.Postgres;
using RealWorld.Data.Sqlite;

namespace RealWorld.Extensions;

/// <summary>
/// The sample's Flask-SQLAlchemy: an extension that gives each app its database through EF Core. <c>InitApp</c>
/// registers <see cref="SiteDb"/> as a scoped service (one per request, disposed when the request ends, after its
/// teardown), picks the database from <c>DATABASE_URL</c>, adds a health check, and creates and migrates the
/// database when the app starts, from the migrations checked in under Data/Migrations (one set per database).
/// </summary>
/// <remarks>
/// <c>DATABASE_URL</c>: unset, the SQLite file <c>realworld.db</c> in the app's instance folder;
/// <c>sqlite:///name.db</c>, a file relative to the instance folder (as Flask-SQLAlchemy reads it);
/// <c>sqlite:////absolute/path.db</c>, an absolute path;
/// <c>postgresql://user:password@host:port/database</c> (or <c>postgres://</c>), PostgreSQL through Npgsql, with any
/// Npgsql setting as a query parameter (<c>?sslmode=require</c>). The PostgreSQL database is created if it is missing.
/// </remarks>
public sealed class Database : IExtension
{
    /// <summary>The file name of the default database, in the instance folder.</summary>
    public const string DefaultFile = "realworld.db";

    public void InitApp(App app)
    {
        var target = Target.Of(app);
        app.Extensions["database"] = target;
        if (target.PostgresConnectionString is { } connectionString)
        {
            app.Services.AddDbContext<SiteDb, PostgresSiteDb>(options => options.UseNpgsql(connectionString));
        }
        else
        {
            int timeout = int.TryParse(app.Config["SQLITE_TIMEOUT_SECONDS"], out var seconds) && seconds >= 0 ? seconds : 5;
            app.Services.AddDbContext<SiteDb, SqliteSiteDb>(options => options.UseSqlite($"Data Source={target.SqliteFile};Default Timeout={timeout}"));
            // A database file another process holds locked, or that cannot be written: 503 for this request, with a
            // clear log line, instead of a 500 and a stack trace. The next request tries again.
            app.RegisterErrorHandler<SqliteException>(e => Unavailable(app, e, e));
            app.RegisterErrorHandler<DbUpdateException>(e => e.InnerException is SqliteException sqlite ? Unavailable(app, e, sqlite) : Rethrow(e));
        }
        app.Services.AddHealthChecks().AddDbContextCheck<SiteDb>("database");
        app.Services.AddSingleton<IStartupFilter>(new MigrateOnStart(target));
    }

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_CANTOPEN: the file is there but not usable right now.
    private static readonly int[] UnavailableCodes = [5, 6, 8, 14];

    [NeedsRequestContext]
    private static Response Unavailable(App app, Exception error, SqliteException sqlite)
    {
        if (Array.IndexOf(UnavailableCodes, sqlite.SqliteErrorCode) < 0)
        {
            return Rethrow(error);
        }
        app.Logger.LogWarning("The database is unavailable (SQLite error {Code}: {Reason}); {Path} answered 503",
            sqlite.SqliteErrorCode, sqlite.Message, Globals.Request.Path);
        return new HttpError(StatusCodes.Status503ServiceUnavailable,
            "The site's database is busy or cannot be written right now; try again in a moment.").GetResponse();
    }

    // Any other database error stays an unhandled exception: the 500 handler, logged with its stack.
    private static Response Rethrow(Exception error)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return null!;
    }

    /// <summary>Creates the database if it is missing and applies the migrations it lacks (all of them, the first time).</summary>
    public static void Migrate(App app) => Migrate(app.ApplicationServices, (Target)app.Extensions["database"]!);

    private static void Migrate(IServiceProvider services, Target target)
    {
        if (target.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SiteDb>().Database.Migrate();
    }

    /// <summary>The database an app uses, read from its <c>DATABASE_URL</c>: a SQLite file, or a PostgreSQL connection string.</summary>
    /// <param name="SqliteFile">The SQLite file's full path; null for PostgreSQL.</param>
    /// <param name="PostgresConnectionString">Npgsql's connection string; null for SQLite.</param>
    public sealed record Target(string? SqliteFile, string? PostgresConnectionString)
    {
        /// <summary>Reads <paramref name="app"/>'s <c>DATABASE_URL</c>.</summary>
        /// <exception cref="InvalidOperationException">It is not a URL this sample knows.</exception>
        public static Target Of(App app)
        {
            var url = app.Config["DATABASE_URL"];
            if (string.IsNullOrEmpty(url))
            {
                return new(Path.Combine(app.InstancePath, DefaultFile), null);
            }
            const string sqlite = "sqlite:///";
            if (url.StartsWith(sqlite, StringComparison.OrdinalIgnoreCase) && url.Length > sqlite.Length)
            {
                var rest = url[sqlite.Length..];
                return new(rest.StartsWith('/') ? rest : Path.Combine(app.InstancePath, rest), null);
            }
            if (url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            {
                return new(null, ToConnectionString(url));
            }
            throw new InvalidOperationException(
                $"DATABASE_URL '{Redacted(url)}' is not a database this sample knows: use sqlite:///name.db (in the instance folder), "
                + "sqlite:////absolute/path.db or postgresql://user:password@host:port/database.");
        }

        /// <summary>What the logs may show of the database: the file, or the server and database without the password.</summary>
        public override string ToString() => SqliteFile ?? Redacted(PostgresConnectionString!);

        // postgresql://user:password@host:port/database?setting=value → Npgsql's "Host=…;Port=…;…".
        private static string ToConnectionString(string url)
        {
            var uri = new Uri(url);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')) is { Length: > 0 } name ? name : "realworld",
            };
            if (uri.UserInfo is { Length: > 0 } credentials)
            {
                var parts = credentials.Split(':', 2);
                builder.Username = Uri.UnescapeDataString(parts[0]);
                if (parts.Length == 2)
                {
                    builder.Password = Uri.UnescapeDataString(parts[1]);
                }
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
                try
                {
                    builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidOperationException($"DATABASE_URL's setting '{Uri.UnescapeDataString(key)}' is not an Npgsql connection setting: {e.Message}", e);
                }
            }
            return builder.ConnectionString;
        }

        private static string Redacted(string text) =>
            System.Text.RegularExpressions.Regex.Replace(text, @"(://[^:/@]*:)[^@]*@|(Password=)[^;]*", m => m.Groups[1].Success ? m.Groups[1].Value + "***@" : m.Groups[2].Value + "***");
    }

    // Migrates when the server starts (Kestrel or the test server), before the first request.
    private sealed class MigrateOnStart(Target target) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            Migrate(builder.ApplicationServices, target);
            next(builder);
        };
    }
}
