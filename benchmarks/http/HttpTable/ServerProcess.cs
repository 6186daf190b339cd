using System.Diagnostics;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace Flagon.HttpBenchmarks;

/// <summary>
/// A server the script started, in a process group of its own (<c>setsid</c>), so that stopping it by its PID also
/// stops its workers (gunicorn's, Tornado's forked processes). Listens on 127.0.0.1 only.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string logPath;
    private readonly StreamWriter log;

    private ServerProcess(Process process, string logPath, StreamWriter log)
    {
        this.process = process;
        this.logPath = logPath;
        this.log = log;
    }

    /// <summary>The PID of the server (the leader of its process group).</summary>
    public int Pid => process.Id;

    /// <summary>Starts <paramref name="framework"/> on 127.0.0.1:<paramref name="port"/> and waits until it answers.</summary>
    public static async Task<ServerProcess> StartAsync(Framework framework, Settings settings, string configuration, int port)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string address = $"127.0.0.1:{port}";
        if (settings.ServerCpus is { } cpus)
        {
            start.ArgumentList.Add("taskset");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
        }
        if (framework.IsDotNet)
        {
            var folder = Path.Combine(settings.Root, "servers", framework.Project, "bin", configuration, "net10.0");
            start.WorkingDirectory = folder;
            start.ArgumentList.Add(Path.Combine(folder, framework.Project));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://{address}");
            // Per-request log lines would measure the console; every .NET server logs warnings and errors only.
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        }
        else
        {
            start.WorkingDirectory = Path.Combine(settings.Root, "python");
            start.ArgumentList.Add(Tools.Python);
            if (framework.Server == "gunicorn")
            {
                foreach (var argument in new[] { "-m", "gunicorn", "--workers", settings.Workers.ToString(), "--bind", address, "--log-level", "warning", framework.Project + ":app" })
                {
                    start.ArgumentList.Add(argument);
                }
            }
            else
            {
                start.ArgumentList.Add(framework.Project + ".py");
                start.ArgumentList.Add(port.ToString());
                start.ArgumentList.Add(settings.Workers.ToString());
            }
        }
        var logPath = Path.Combine(Path.GetTempPath(), $"flagon-http-{framework.Key}-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {framework.Name}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, logPath, log);
        try
        {
            await server.WaitUntilReadyAsync($"http://{address}/", framework);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilReadyAsync(string url, Framework framework)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{framework.Name} exited with code {process.ExitCode} before it answered:\n{Tail()}");
            }
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{framework.Name} did not answer {url} within 60 s:\n{Tail()}");
    }

    /// <summary>The end of the server's output, for an error message.</summary>
    public string Tail()
    {
        lock (log)
        {
            log.Flush();
        }
        var lines = File.ReadAllLines(logPath);
        return string.Join('\n', lines.TakeLast(20));
    }

    /// <summary>Stops the server's process group (SIGTERM, then SIGKILL after 10 s), waits for it and deletes its log (kept if the server had stopped by itself).</summary>
    public async ValueTask DisposeAsync()
    {
        // A server that stopped by itself keeps its log for a look at why; one stopped here leaves nothing behind.
        bool exitedByItself = process.HasExited;
        if (!exitedByItself)
        {
            _ = Kill(-process.Id, SigTerm);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _ = Kill(-process.Id, SigKill);
                await process.WaitForExitAsync();
            }
        }
        // Forked workers may outlive their leader by a moment: make sure none keeps the port.
        _ = Kill(-process.Id, SigKill);
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
        if (!exitedByItself)
        {
            File.Delete(logPath);
        }
    }

    private const int SigTerm = 15;
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
