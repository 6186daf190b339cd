namespace Flagon.Shell;

/// <summary>Adds the <c>shell</c> command to an app's command line.</summary>
public static class AppShellExtensions
{
    /// <summary>
    /// Adds <see cref="ShellCommand"/> to <see cref="App.Cli"/>: <c>dotnet run -- shell</c> opens a C# shell in the
    /// app's context, <c>dotnet run -- shell -c "app.UrlMap.Count"</c> runs one line.
    /// </summary>
    public static App AddShell(this App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Cli.Subcommands.Add(ShellCommand.Create(app));
        return app;
    }
}
