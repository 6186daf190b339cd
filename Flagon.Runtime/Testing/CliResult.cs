namespace Flagon.Testing;

/// <summary>What a command run by <see cref="CliRunner"/> did (Click's <c>Result</c>).</summary>
/// <param name="ExitCode">The exit code: the command's, 1 for a wrong command line or an exception.</param>
/// <param name="Output">What it wrote to the standard output (<c>Console.Out</c>).</param>
/// <param name="Error">What it wrote to the standard error, including System.CommandLine's parse errors.</param>
/// <param name="Exception">The exception the command threw, or null.</param>
public sealed record CliResult(int ExitCode, string Output, string Error, Exception? Exception);
