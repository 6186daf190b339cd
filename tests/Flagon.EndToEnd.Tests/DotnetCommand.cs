using System.Diagnostics;

namespace Flagon.EndToEnd.Tests;

/// <summary>Runs the dotnet CLI from a test, isolated from the test run's own MSBuild environment.</summary>
internal static class DotnetCommand
{
    /// <summary>Removes the variables that the outer `dotnet test` sets for its own MSBuild and test host.</summary>
    public static void Clean(ProcessStartInfo info)
    {
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBuild", StringComparison.Ordinal))
            {
                info.Environment.Remove(key);
            }
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
    }

    /// <summary>Runs `dotnet args` in <paramref name="directory"/> and fails with its output if it exits non-zero.</summary>
    public static Task<string> RunAsync(string directory, TimeSpan timeout, params string[] args) =>
        RunProgramAsync("dotnet", directory, timeout, args);

    /// <summary>Runs <paramref name="program"/> (dotnet, python3, ...) the same way: output returned, a non-zero exit or a timeout fails the test.</summary>
    public static Task<string> RunProgramAsync(string program, string directory, TimeSpan timeout, params string[] args) =>
        RunProgramAsync(program, directory, timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs <paramref name="program"/> with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<string> RunProgramAsync(string program, string directory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        Clean(info);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout}");
        }
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
