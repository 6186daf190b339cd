namespace Flagon;

/// <summary>
/// Makes a static method one of the app's commands (Flask's <c>@app.cli.command()</c>): <c>dotnet run -- name …</c>
/// runs it with the app built and an app context pushed, and <c>--help</c> lists it. The generator registers it
/// without reflection and turns its parameters into the command line:
/// <list type="bullet">
/// <item>a parameter of a command-line type (string, bool, a number, char, an enum, Guid, DateTime, DateOnly, TimeSpan,
/// Uri, FileInfo, DirectoryInfo, their nullable forms and arrays) without a default value is an argument, in order;</item>
/// <item>one with a default value, or a bool, is an option named after it in kebab case (<c>dryRun</c>:
/// <c>--dry-run</c>); <see cref="CommandOptionAttribute"/> and <see cref="CommandArgumentAttribute"/> choose
/// explicitly;</item>
/// <item>a <see cref="CancellationToken"/> is cancelled by Ctrl+C; any other parameter is a service of the app,
/// from a scope made for the command.</item>
/// </list>
/// The method returns its exit code (<c>int</c>, <c>Task&lt;int&gt;</c>, <c>ValueTask&lt;int&gt;</c>), or nothing
/// (<c>void</c>, <c>Task</c>, <c>ValueTask</c>) for 0. FLG0401 reports a method that cannot be a command.
/// </summary>
/// <example>
/// <code>
/// [Command("create-user", Description = "Makes a user.")]
/// public static async Task&lt;int&gt; CreateUser(string username, SiteDb db, bool admin = false, CancellationToken cancellationToken = default)
/// {
///     db.Users.Add(new User { Username = username, IsAdmin = admin });
///     await db.SaveChangesAsync(cancellationToken);
///     Console.WriteLine($"made {username}");
///     return 0;
/// }
/// // dotnet run -- create-user ada --admin
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CommandAttribute : Attribute
{
    /// <summary>A command named after the method in kebab case (<c>CreateUser</c>: <c>create-user</c>).</summary>
    public CommandAttribute()
    {
    }

    /// <summary>A command with this name.</summary>
    public CommandAttribute(string name) => Name = name;

    /// <summary>The command's name, or null for the method's in kebab case.</summary>
    public string? Name { get; }

    /// <summary>The one line <c>--help</c> shows for it; without it, the method's XML doc summary when there is one.</summary>
    public string? Description { get; set; }
}
