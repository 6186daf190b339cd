using System.Diagnostics;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// A throwaway PostgreSQL server (Debian's postgresql, installed when missing: <see cref="SystemPackages"/>) in a temporary data folder on a free
/// loopback port, trusting local connections, without fsync. PostgreSQL refuses to run as root, so as root it runs
/// as the <c>postgres</c> user the Debian package made. Shared by the tests of a class as an xunit fixture.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly Process process;
    private readonly string data;

    public PostgresServer()
    {
        SystemPackages.Require("postgresql");
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: `apt-get install postgresql`.");
        }
        Port = FreePort.Next();

        data = Directory.CreateTempSubdirectory("flagon-postgres-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres:postgres", data);
        }
        Run(Command(asRoot, Path.Combine(bin, "initdb"), "-D", Path.Combine(data, "db"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"));
        var info = Command(asRoot, Path.Combine(bin, "postgres"), "-D", Path.Combine(data, "db"), "-p", Port.ToString(), "-k", data,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off");
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; Thread.Sleep(200))
        {
            var ready = Command(false, Path.Combine(bin, "pg_isready"), "-h", "127.0.0.1", "-p", Port.ToString());
            using var check = Process.Start(ready)!;
            check.WaitForExit();
            if (check.ExitCode == 0)
            {
                break;
            }
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                Dispose();
                throw new InvalidOperationException($"PostgreSQL did not start on port {Port}.");
            }
        }
    }

    public int Port { get; }

    /// <summary>A <c>DATABASE_URL</c> for a database of this name on the server (the sample creates it).</summary>
    public string Url(string database) => $"postgresql://postgres@127.0.0.1:{Port}/{database}";

    public void Dispose()
    {
        try
        {
            process?.Kill(entireProcessTree: true);
            process?.WaitForExit(10000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process?.Dispose();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ProcessStartInfo Command(bool asPostgres, string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }

    private static void Run(string program, params string[] arguments) => Run(Command(false, program, arguments));

    private static void Run(ProcessStartInfo info)
    {
        using var run = Process.Start(info)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEnd();
        run.WaitForExit();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} exited with {run.ExitCode}: {errors}{output.Result}");
        }
    }
}
