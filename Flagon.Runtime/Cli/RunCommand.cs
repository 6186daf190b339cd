using System.CommandLine;
using System.Net;

namespace Flagon.Cli;

/// <summary>
/// <c>dotnet run -- run --host 0.0.0.0 --port 8000 --debug</c>: serves the app, like <c>flask run</c>. The options are
/// read before the app's configuration is built (the address and <c>DEBUG</c> are settings); anything else after
/// <c>run</c> is a setting (<c>--SITE_NAME Demo</c>, <c>--urls …</c>). Debug mode shows the developer exception page,
/// with code and settings, to whoever can reach the server, so it is refused on an address other than loopback unless
/// <c>--force-debug</c> is given.
/// </summary>
internal sealed class RunCommand : Command
{
    public const string CommandName = "run";

    public RunCommand()
        : base(CommandName, "Serves the app (flask run); settings may follow (--KEY value).")
    {
        Host = new Option<string?>("--host") { Description = "The interface to bind to (default 127.0.0.1; 0.0.0.0 for every interface)." };
        Port = new Option<int>("--port", "-p") { Description = "The port to bind to (default 5000)." };
        Debug = new Option<bool>("--debug") { Description = "Debug mode: the developer exception page, templates reloaded when they change." };
        NoDebug = new Option<bool>("--no-debug") { Description = "Debug mode off, whatever the DEBUG setting says." };
        ForceDebug = new Option<bool>("--force-debug") { Description = "Serve debug mode on an address other than loopback anyway (dangerous)." };
        Port.Validators.Add(result =>
        {
            // Read from the token: a value that is not a number already has System.CommandLine's own error.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var value) && value is < 0 or > 65535)
            {
                result.AddError($"The port {value} is not between 0 and 65535.");
            }
        });
        Options.Add(Host);
        Options.Add(Port);
        Options.Add(Debug);
        Options.Add(NoDebug);
        Options.Add(ForceDebug);
        // Settings (--SITE_NAME Demo, --urls ...) follow run's own options; they are the configuration's, not errors.
        TreatUnmatchedTokensAsErrors = false;
    }

    public Option<string?> Host { get; }

    public Option<int> Port { get; }

    public Option<bool> Debug { get; }

    public Option<bool> NoDebug { get; }

    public Option<bool> ForceDebug { get; }

    /// <summary>What <c>run</c>'s own options say (with their address as a <c>urls</c> value), and the arguments left for the configuration.</summary>
    internal sealed record Settings(string? Url, bool? Debug, bool ForceDebug, string[] Rest, bool Valid);

    /// <summary>Reads <c>run</c>'s options from the arguments after <c>run</c> (a command of its own: a symbol has one parent tree).</summary>
    public static Settings Read(string[] afterRun)
    {
        var command = new RunCommand();
        var parse = command.Parse(afterRun);
        if (parse.Errors.Count > 0)
        {
            return new Settings(null, null, false, afterRun, Valid: false);
        }
        var host = parse.GetValue(command.Host);
        int? port = parse.GetResult(command.Port) is { Implicit: false } ? parse.GetValue(command.Port) : null;
        string? url = host is null && port is null ? null : $"http://{Bracketed(host ?? "127.0.0.1")}:{port ?? 5000}";
        bool? debug = parse.GetValue(command.NoDebug) ? false : parse.GetValue(command.Debug) ? true : null;
        return new Settings(url, debug, parse.GetValue(command.ForceDebug), [.. parse.UnmatchedTokens], Valid: true);
    }

    /// <summary>
    /// The first host of <paramref name="urls"/> (the <c>urls</c> setting, <c>;</c>-separated, as Kestrel reads it) that
    /// other machines can reach, or null when every one is loopback. <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c> and
    /// names other than <c>localhost</c> are reachable.
    /// </summary>
    public static string? ReachableHost(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(HostOf)
            .FirstOrDefault(host => !IsLoopback(host));

    /// <summary>Whether <paramref name="host"/> names this machine only (127.0.0.0/8, ::1 or localhost).</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    private static string HostOf(string url)
    {
        // Not Uri: Kestrel's "http://*:5000" and "http://+:5000" are not valid URIs.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('['))
        {
            return rest[..(rest.IndexOf(']') + 1)];
        }
        var colon = rest.LastIndexOf(':');
        return colon < 0 ? rest : rest[..colon];
    }

    private static string Bracketed(string host) => host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
}
