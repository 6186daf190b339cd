using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Flagon;

// The app's command line (Flask's `flask` command and app.cli): `dotnet run` serves; `dotnet run -- routes` lists the
// url map; commands the app adds run inside an app context, with the app's services built.
public partial class App
{
    private RootCommand? cli;

    /// <summary>
    /// The app's command line (Flask's <c>app.cli</c>), System.CommandLine's root command: <see cref="Run()"/> serves
    /// the app, unless the first argument names one of its commands, which then runs instead. <c>routes</c> is built in
    /// (<c>dotnet run -- routes</c>, Flask's <c>flask routes</c>). A command added here runs with the app built (not
    /// serving) and an app context pushed, so <see cref="ApplicationServices"/>, <c>CurrentApp</c> and <c>UrlFor</c>
    /// work in it, as in Flask's <c>with_appcontext</c>. Its action's return value is the process's exit code.
    /// </summary>
    /// <example>
    /// <code>
    /// var name = new Option&lt;string&gt;("--username") { Required = true };
    /// var createUser = new Command("create-user", "Makes an admin user.") { name };
    /// createUser.SetAction(result =&gt; { Console.WriteLine($"made {result.GetValue(name)}"); return 0; });
    /// app.Cli.Subcommands.Add(createUser);
    /// // dotnet run -- create-user --username ada
    /// </code>
    /// </example>
    public RootCommand Cli => cli ??= CreateCli();

    private RootCommand CreateCli()
    {
        var root = new RootCommand($"{Name}: without a command, serves the app (--urls http://127.0.0.1:8080, and any setting as --KEY value).");
        var run = new Flagon.Cli.RunCommand();
        // Run() serves by itself once the options are checked; this action serves when Cli is invoked directly.
        run.SetAction((_, cancellationToken) => ServeAsync(null, cancellationToken).ContinueWith(_ => 0, TaskScheduler.Default));
        root.Subcommands.Add(run);
        root.Subcommands.Add(Flagon.Cli.RoutesCommand.Create(() => UrlMap));
        foreach (var command in Flagon.Cli.CommandRegistry.For(this))
        {
            if (root.Subcommands.FirstOrDefault(c => c.Name == command.Name) is not null)
            {
                throw new InvalidOperationException($"Two commands are named '{command.Name}': rename the [Command] method's command "
                    + $"(run and routes are Flagon's own).");
            }
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>
    /// For <c>run</c>: null to serve, or the exit code when the options are wrong (System.CommandLine's message and
    /// help), when they ask for help, or when debug mode would be served beyond this machine without <c>--force-debug</c>.
    /// </summary>
    private int? CheckRunOptions()
    {
        var options = runOptions!;
        var parse = Cli.Parse(args);
        if (!options.Valid || parse.Errors.Count > 0 || parse.Action != parse.CommandResult.Command.Action)
        {
            return parse.Invoke();   // the errors (exit code 1) or the help (0)
        }
        // The address that will be served, however it was given: --host/--port, --urls, ASPNETCORE_URLS, appsettings.
        var urls = Config[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : DefaultUrl;
        if (Debug && Flagon.Cli.RunCommand.ReachableHost(urls) is { } host)
        {
            if (!options.ForceDebug)
            {
                Console.Error.WriteLine($"Error: refusing to serve debug mode on {host}: the developer exception page shows your code and " +
                    "settings to anyone who can reach the server. Use --host 127.0.0.1, or --no-debug, or add --force-debug if this network is yours alone.");
                return 1;
            }
            Console.Error.WriteLine($" * WARNING: debug mode is on and served on {host}: anyone who can reach this address sees your code and settings " +
                "when a request fails. Do not do this on a network you do not control.");
        }
        return null;
    }

    /// <summary>Whether the first argument is System.CommandLine's help option (<c>--help</c>, <c>-h</c>, <c>-?</c>, …): help, not a setting.</summary>
    private bool AsksForHelp(string[] arguments) =>
        arguments.Length > 0 && Cli.Options.OfType<System.CommandLine.Help.HelpOption>().Any(help => help.Name == arguments[0] || help.Aliases.Contains(arguments[0]));

    /// <summary>Whether <paramref name="arguments"/> start with a bare word (not an option, not a <c>key=value</c> setting).</summary>
    internal static bool StartsWithCommand(string[] arguments) =>
        arguments.Length > 0 && arguments[0].Length > 0 && arguments[0][0] is not ('-' or '/') && !arguments[0].Contains('=');

    /// <summary>
    /// Runs the command the arguments name (see <see cref="Cli"/>): the app is built, not started, and an app context is
    /// pushed around the command. A word that names no command is an error that lists the commands.
    /// </summary>
    private async Task<int> RunCommandAsync(CancellationToken cancellationToken)
    {
        await using WebApplication web = Build();
        using (AppContext())
        {
            return await Cli.Parse(args).InvokeAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// The app's built services (ASP.NET Core's <c>ApplicationServices</c>): for code outside a request, such as a
    /// command of <see cref="Cli"/> or a startup task; inside a request, prefer the request's own
    /// (<c>HttpContext.RequestServices</c>, or a view parameter of the service's type).
    /// </summary>
    /// <exception cref="InvalidOperationException">The app is not built yet (<see cref="Run()"/>, <see cref="Build()"/> or <see cref="TestClient"/> builds it).</exception>
    public IServiceProvider ApplicationServices =>
        services ?? throw new InvalidOperationException("The app is not built yet: its services exist once Run(), Build() or TestClient() has built it.");
}
