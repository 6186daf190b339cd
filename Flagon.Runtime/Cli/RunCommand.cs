using System.CommandLine;
using System.Net;

namespace Flagon.Cli;

/// <summary>
/// <c>dotnet run -- run --host 0.0.0.0 --port 8000 --debug</c>: serves the app, like <c>flask run</c>. The options are
/// read before the app's configuration is built (the address and <c>DEBUG</c> are settings); anything else after
/// <c>run</c> is a setting (<c>--SITE_NAME Demo</c>, <c>--urls …</c>). Debug mode shows the developer exception page,
/// with code and settings, to whoever can reach the server, so it is refused on a host other than loopback unless
/// <c>--force-debug</c> is given.
/// </summary>
internal static class RunCommand
{
    public const string Name = "run";

    /// <summary>What <c>run</c>'s own options say, and the arguments left for the configuration.</summary>
    internal sealed record Options(string? Host, int? Port, bool? Debug, bool ForceDebug, string[] Settings, bool Valid)
    {
        /// <summary>The address to serve (<c>http://host:port</c>) when <c>--host</c> or <c>--port</c> was given.</summary>
        public string? Url => Host is null && Port is null ? null
            : $"http://{Bracketed(Host ?? "127.0.0.1")}:{Port ?? 5000}";

        /// <summary>Whether <see cref="Host"/> is on this machine only (127.0.0.0/8, ::1 or localhost).</summary>
        public bool HostIsLoopback => Host is null || IsLoopback(Host);

        private static string Bracketed(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
    }

    /// <summary>A new <c>run</c> command (one per parser: System.CommandLine gives each symbol one parent tree).</summary>
    public static Command Create(out Option<string?> host, out Option<int> port, out Option<bool> debug, out Option<bool> noDebug, out Option<bool> force)
    {
        host = new Option<string?>("--host") { Description = "The interface to bind to (default 127.0.0.1; 0.0.0.0 for every interface)." };
        port = new Option<int>("--port", "-p") { Description = "The port to bind to (default 5000)." };
        debug = new Option<bool>("--debug") { Description = "Debug mode: the developer exception page, templates reloaded when they change." };
        noDebug = new Option<bool>("--no-debug") { Description = "Debug mode off, whatever the DEBUG setting says." };
        force = new Option<bool>("--force-debug") { Description = "Serve debug mode on a host other than loopback anyway (dangerous)." };
        port.Validators.Add(result =>
        {
            // Read from the token: a value that is not a number already has System.CommandLine's own error.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var value) && value is < 0 or > 65535)
            {
                result.AddError($"The port {value} is not between 0 and 65535.");
            }
        });
        var command = new Command(Name, "Serves the app (flask run); settings may follow (--KEY value).")
        {
            host, port, debug, noDebug, force,
        };
        // Settings (--SITE_NAME Demo, --urls ...) follow run's own options; they are the configuration's, not errors.
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>Reads <c>run</c>'s options from the arguments after <c>run</c>.</summary>
    public static Options Read(string[] afterRun)
    {
        var command = Create(out var host, out var port, out var debug, out var noDebug, out var force);
        var parse = command.Parse(afterRun);
        if (parse.Errors.Count > 0)
        {
            return new Options(null, null, null, false, afterRun, Valid: false);
        }
        bool? debugMode = parse.GetValue(noDebug) ? false : parse.GetValue(debug) ? true : null;
        int? portGiven = parse.GetResult(port) is { Implicit: false } ? parse.GetValue(port) : null;
        return new Options(parse.GetValue(host), portGiven, debugMode, parse.GetValue(force),
            [.. parse.UnmatchedTokens], Valid: true);
    }

    /// <summary>Whether <paramref name="host"/> names this machine only.</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
