using System.Net;
using System.Net.Sockets;

namespace Flagon.EndToEnd.Tests;

/// <summary>A loopback port nothing listens on now, for a throwaway server the tests start.</summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
