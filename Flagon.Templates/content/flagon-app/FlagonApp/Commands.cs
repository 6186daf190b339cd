using Flagon;

namespace FlagonApp;

/// <summary>The app's commands (Flask's @app.cli.command): dotnet run -- init-db.</summary>
public static class Commands
{
    /// <summary>Creates the database file and its tables if they do not exist.</summary>
    [Command("init-db")]
    public static void InitDb(NotesDb db)
    {
        bool created = db.Database.EnsureCreated();
        Console.WriteLine(created ? "Created the database." : "The database exists.");
    }
}
