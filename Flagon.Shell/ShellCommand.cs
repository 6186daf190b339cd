using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Shell;

/// <summary>
/// The <c>shell</c> command (Flask's <c>flask shell</c>): a C# REPL with the app built (not serving) and an app
/// context pushed, <c>app</c> the app and <c>Get&lt;T&gt;()</c> a service of the shell's scope; the program's
/// namespaces, <c>Flagon</c> and <c>using static Flagon.Globals</c> are imported. <c>--command CODE</c> (<c>-c</c>)
/// runs CODE and exits, for scripts. Exit code: 0, or 1 when a <c>--command</c> failed.
/// </summary>
public static class ShellCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "shell";

    /// <summary>The <c>shell</c> command of <paramref name="app"/>, to add to <see cref="App.Cli"/> (or use <see cref="AppShellExtensions.AddShell"/>).</summary>
    public static Command Create(App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var code = new Option<string?>("--command", "-c")
        {
            Description = "Runs this C# and exits (an expression's value is printed), instead of the interactive shell.",
        };
        var command = new Command(Name, "Runs a C# shell in the app's context (Flask's flask shell): `app` is the app, Get<T>() a service.") { code };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var scope = app.ApplicationServices.CreateAsyncScope();
            var session = new ShellSession(app, Console.Out, Console.Error);
            await session.StartAsync(new ShellGlobals(app, scope.ServiceProvider), cancellationToken);
            if (result.GetValue(code) is { } given)
            {
                return await session.RunAsync(given, cancellationToken) ? 0 : 1;
            }
            bool terminal = !Console.IsInputRedirected;
            if (terminal)
            {
                Console.Out.WriteLine(session.Banner(app.ApplicationServices));
            }
            await session.LoopAsync(Console.In, prompts: terminal, cancellationToken);
            return 0;
        });
        return command;
    }
}
