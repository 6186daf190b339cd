namespace RealWorld;

/// <summary>settings.py: defaults, which appsettings.json, the environment and the command line override.</summary>
public sealed class Settings
{
    public string SITE_NAME { get; init; } = "Flagon real world";

    /// <summary>Pages per page of the index.</summary>
    public int PAGE_SIZE { get; init; } = 10;

    /// <summary>Failed logins allowed per client address within LOGIN_WINDOW_SECONDS before the login answers 429.</summary>
    public int LOGIN_FAILURES { get; init; } = 5;

    public int LOGIN_WINDOW_SECONDS { get; init; } = 300;

    /// <summary>
    /// How long a query waits for a SQLite database another process holds locked before the page answers 503 (Python's
    /// sqlite3 waits 5 seconds too).
    /// </summary>
    public int SQLITE_TIMEOUT_SECONDS { get; init; } = 5;

    /// <summary>The largest image upload, in bytes.</summary>
    public long UPLOAD_MAX_BYTES { get; init; } = 2 * 1024 * 1024;
}
