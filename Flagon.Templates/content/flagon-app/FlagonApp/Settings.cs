namespace FlagonApp;

/// <summary>settings.py: the defaults, which appsettings.json, environment variables and the command line override.</summary>
public sealed class Settings
{
    /// <summary>The site's name, in every page's title.</summary>
    public string SITE_NAME { get; init; } = "FlagonApp";

    /// <summary>The SQLite file, relative to the instance folder (or absolute).</summary>
    public string DATABASE { get; init; } = "notes.db";

    /// <summary>The longest note, in characters.</summary>
    public int NOTE_MAX_LENGTH { get; init; } = 500;
}
