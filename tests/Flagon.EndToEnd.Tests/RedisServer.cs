using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// A throwaway redis-server on a free loopback port, without persistence, for the seed's Redis extension
/// (.ci/run installs Debian's redis-server). Shared by the tests of a class as an xunit fixture.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process process;

    public RedisServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed: `apt-get install redis-server` (.ci/run does it).", ex);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}/0";

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }
}
