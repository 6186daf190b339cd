using System.CommandLine;
using System.ComponentModel;

namespace Flagon.Cli;

/// <summary>
/// The program's <see cref="CommandAttribute"/> methods, registered by generated code when the program loads; each
/// app's <see cref="App.Cli"/> makes its commands from them. Not for use by hand: declare a method with
/// <c>[Command]</c>, or add a System.CommandLine <see cref="Command"/> to <see cref="App.Cli"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CommandRegistry
{
    private static readonly List<Func<App, Command>> Factories = [];

    /// <summary>Adds a command: <paramref name="factory"/> makes it for an app (its action runs on that app's services).</summary>
    public static void Add(Func<App, Command> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (Factories)
        {
            Factories.Add(factory);
        }
    }

    /// <summary>The registered commands, made for <paramref name="app"/>.</summary>
    internal static IReadOnlyList<Command> For(App app)
    {
        lock (Factories)
        {
            return [.. Factories.Select(f => f(app))];
        }
    }
}
