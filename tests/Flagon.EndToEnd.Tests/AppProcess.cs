using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// A Flagon app started as a real process with <c>dotnet app.dll --urls http://127.0.0.1:0</c>: Kestrel picks
/// a free loopback port and the app prints it (" * Running on URL"), which this reads. Started with the `run` command
/// first (<c>run --port 0</c>), the arguments give the address themselves.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output;

    private AppProcess(Process process, Uri url, System.Text.StringBuilder output)
    {
        this.process = process;
        this.output = output;
        Url = url;
    }

    private const string RunCommandName = "run";

    public Uri Url { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(string dll, TimeSpan? timeout = null, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        if (arguments is not [RunCommandName, ..])
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add("http://127.0.0.1:0");
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        DotnetCommand.Clean(info);

        var process = Process.Start(info)!;
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(line);
            }
            var m = RunningOn().Match(line);
            if (m.Success)
            {
                url.TrySetResult(new Uri(m.Groups[1].Value));
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => url.TrySetException(new InvalidOperationException($"{dll} exited with {process.ExitCode}:\n{log}")));

        try
        {
            var uri = await url.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            // The process's output so far and from now on (the same builder the readers append to).
            return new AppProcess(process, uri, log);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>
    /// Waits until the process's output holds <paramref name="text"/> and returns the output. Standard output and standard
    /// error are read on separate threads, so a line written to one stream before the " * Running on" line of the other may
    /// be read after it: a test asserting on a standard-error line waits for it here instead of reading <see cref="Output"/>.
    /// </summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var now = Output;
            if (now.Contains(text, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return now;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Sends the process SIGTERM, as <c>systemctl stop</c> or <c>docker stop</c> do.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"\* Running on (http://\S+)")]
    private static partial Regex RunningOn();
}
