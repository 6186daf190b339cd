using System.Diagnostics;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium, headless (installed when missing: <see cref="SystemPackages"/>): loads a page as a browser does, running its scripts, and
/// returns the DOM it ended with.
/// </summary>
internal static class Browser
{
    public static async Task<string> DumpDomAsync(Uri url)
    {
        await SystemPackages.RequireAsync("chromium");
        var info = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            $"--user-data-dir={Flagon.Tests.Shared.TemporaryFolders.Create("flagon-chromium-").FullName}", "--dump-dom", url.ToString() })
        {
            info.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("chromium is not installed: `apt-get install chromium`.", ex);
        }
        using (process)
        {
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? await dom : throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await errors}");
        }
    }
}
