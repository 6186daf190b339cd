using System.Diagnostics;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The Debian packages the end-to-end tests use, installed on first use when missing, so that the README's one test
/// command (<c>dotnet test Flagon.slnx</c>) works on a fresh Debian machine that has only the .NET SDK. Installing needs
/// root and <c>apt-get</c>; without them a test that needs a missing package fails with the exact command to run.
/// Everything missing is installed in one <c>apt-get install</c>, once per test run, under a lock file that other test
/// processes respect too (apt allows one install at a time).
/// </summary>
internal static class SystemPackages
{
    /// <summary>One package: its Debian name, the file that shows it is installed, and what the tests use it for.</summary>
    internal sealed record Package(string Name, string Probe, string UsedFor)
    {
        /// <summary>Whether the probe exists (a path, or with a '*' a glob in one folder level, as PostgreSQL's versioned folder).</summary>
        public bool IsInstalled() => Probe.Contains('*') ? Expand(Probe).Any(File.Exists) : File.Exists(Probe);
    }

    /// <summary>Every package the end-to-end tests use; README lists the same (a test keeps the two in step).</summary>
    public static readonly IReadOnlyList<Package> All =
    [
        new("redis-server", "/usr/bin/redis-server", "the real-world sample's Redis extension"),
        new("postgresql", "/usr/lib/postgresql/*/bin/initdb", "the real-world sample on PostgreSQL"),
        new("chromium", "/usr/bin/chromium", "the real-world sample's browser test"),
        new("chromium-driver", "/usr/bin/chromedriver", "the browser test's WebDriver"),
        new("apache2-utils", "/usr/bin/ab", "the HTTP benchmark's smoke run (ab)"),
        new("wrk", "/usr/bin/wrk", "the smoke runs of the HTTP benchmark and of the load and soak script (wrk)"),
        new("nginx", "/usr/sbin/nginx", "docs/deployment.md's reverse proxy configuration"),
        new("systemd", "/usr/bin/systemd-analyze", "checking docs/deployment.md's systemd unit (systemd-analyze verify)"),
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool checkedAll;

    /// <summary>
    /// Makes sure <paramref name="needed"/> is installed: when anything in <see cref="All"/> is missing, installs all
    /// that is missing (root and apt-get), else throws with the command that would.
    /// </summary>
    public static async Task RequireAsync(string needed)
    {
        var package = All.Single(p => p.Name == needed);
        if (package.IsInstalled())
        {
            return;
        }
        await Gate.WaitAsync();
        try
        {
            if (!checkedAll)
            {
                checkedAll = true;
                var missing = All.Where(p => !p.IsInstalled()).Select(p => p.Name).ToList();
                if (missing.Count > 0)
                {
                    await InstallAsync(missing);
                }
            }
        }
        finally
        {
            Gate.Release();
        }
        if (!package.IsInstalled())
        {
            throw new InvalidOperationException(
                $"This test needs Debian's {package.Name} ({package.UsedFor}), which is not installed and could not be installed here: " +
                $"`sudo apt-get install {string.Join(' ', All.Select(p => p.Name))}`.");
        }
    }

    /// <summary>The blocking form, for fixtures built in constructors.</summary>
    public static void Require(string needed) => RequireAsync(needed).GetAwaiter().GetResult();

    private static async Task InstallAsync(IReadOnlyList<string> missing)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return; // The caller's message names the command.
        }
        // Another test process (or a second run) may be installing: apt takes one at a time, so wait for its lock.
        using var lockFile = await TakeLockAsync(Path.Combine(Path.GetTempPath(), "flagon-system-packages.lock"), TimeSpan.FromMinutes(15));
        var stillMissing = All.Where(p => missing.Contains(p.Name) && !p.IsInstalled()).Select(p => p.Name).ToArray();
        if (stillMissing.Length == 0)
        {
            return;
        }
        Console.Error.WriteLine($"installing Debian packages the tests use: {string.Join(' ', stillMissing)}");
        await RunAptAsync(["update", "-qq"]);
        await RunAptAsync(["install", "-y", "-qq", .. stillMissing]);
    }

    private static async Task RunAptAsync(string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/apt-get")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(info)!;
        var output = apt.StandardOutput.ReadToEndAsync();
        var error = apt.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await apt.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            apt.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"apt-get {string.Join(' ', arguments)} ran past 15 minutes.");
        }
        if (apt.ExitCode != 0)
        {
            throw new InvalidOperationException($"apt-get {string.Join(' ', arguments)} failed ({apt.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private static async Task<FileStream> TakeLockAsync(string path, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    private static IEnumerable<string> Expand(string pattern)
    {
        // "/usr/lib/postgresql/*/bin/initdb": the folders at the star, each with the rest of the path.
        var star = pattern.IndexOf('*');
        var parent = Path.GetDirectoryName(pattern[..star].TrimEnd('/') + "/x")!;
        var rest = pattern[(star + 1)..];
        return Directory.Exists(parent) ? Directory.GetDirectories(parent).Select(d => d + rest) : [];
    }
}
