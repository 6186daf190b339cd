using System.Diagnostics;

namespace Flagon.HttpBenchmarks;

/// <summary>The programs the script runs, and running them.</summary>
public static class Tools
{
    /// <summary>Debian's Python, which has Debian's Flask, gunicorn and the others (the first python3 on PATH may not).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Whether <paramref name="program"/> is on the PATH.</summary>
    public static bool Has(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>Whether Debian's Python can import <paramref name="module"/>.</summary>
    public static bool PythonHas(string module) =>
        File.Exists(Python) && Run(Python, ["-c", $"import {module}"], TimeSpan.FromSeconds(30)).ExitCode == 0;

    /// <summary>Runs a program on <paramref name="cpus"/> (through <c>taskset</c>), or anywhere when null.</summary>
    public static (int ExitCode, string Output) RunPinned(string? cpus, string program, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        cpus is null ? Run(program, arguments, timeout) : Run("taskset", ["-c", cpus, program, .. arguments], timeout);

    /// <summary>Runs a program to its end (killed past <paramref name="timeout"/>): its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result + errors.Result + $"\n(killed after {timeout.TotalSeconds:0} s)");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }
}
