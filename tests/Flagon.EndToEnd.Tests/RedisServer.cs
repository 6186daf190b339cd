using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// A throwaway redis-server on a free loopback port, without persistence, for the seed's Redis extension
/// (Debian's redis-server, installed when missing: <see cref="SystemPackages"/>). Shared by the tests of a class as an xunit fixture.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process process;

    public RedisServer()
    {
        SystemPackages.Require("redis-server");
        Port = FreePort.Next();
        process = Start(Port);
    }

    private static Process Start(int port)
    {
        var info = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }
        Process started;
        try
        {
            started = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server could not be started: `apt-get install redis-server`.", ex);
        }
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return started;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !started.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Stops the server (as if Redis went down); <see cref="Restart"/> brings it back on the same port, empty.</summary>
    public void Stop() => Kill(process);

    /// <summary>Starts the server again on its port.</summary>
    public void Restart()
    {
        Kill(process);
        process = Start(Port);
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}/0";

    public void Dispose() => Kill(process);

    private static void Kill(Process server)
    {
        try
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        server.Dispose();
    }
}
