using System.Net.Sockets;
using System.Text;

namespace Flagon.HttpBenchmarks;

/// <summary>
/// Checks once per server that each URL answers 200 with the seed's exact bytes, asking as ab asks
/// (HTTP/1.0, ab's headers), so that every column of the table measures the same page.
/// </summary>
public static class BodyCheck
{
    private const string UserAgent = "ApacheBench/2.3";

    /// <summary>The problems found; empty when every body is right.</summary>
    public static async Task<List<string>> RunAsync(Framework framework, Settings settings, int port)
    {
        var problems = new List<string>();
        foreach (var path in settings.Paths)
        {
            var (status, body) = await GetAsync(port, path);
            var expected = Expected(path, port);
            if (status != 200)
            {
                problems.Add($"{framework.Name} {path}: status {status}, expected 200");
            }
            else if (!body.AsSpan().SequenceEqual(expected))
            {
                problems.Add($"{framework.Name} {path}: {body.Length} bytes that differ from the expected {expected.Length}:\n{Encoding.UTF8.GetString(body)}");
            }
        }
        return problems;
    }

    /// <summary>The exact body of <paramref name="path"/> for ab's request to 127.0.0.1:<paramref name="port"/>.</summary>
    public static byte[] Expected(string path, int port) => path switch
    {
        "/" => Encoding.UTF8.GetBytes(SeedPages.Hello),
        "/environ" => Encoding.UTF8.GetBytes(SeedPages.Environ(new Dictionary<string, string>
        {
            ["REQUEST_METHOD"] = "GET",
            ["SCRIPT_NAME"] = string.Empty,
            ["PATH_INFO"] = "/environ",
            ["QUERY_STRING"] = string.Empty,
            ["SERVER_NAME"] = "127.0.0.1",
            ["SERVER_PORT"] = port.ToString(),
            ["SERVER_PROTOCOL"] = "HTTP/1.0",
            ["REMOTE_ADDR"] = "127.0.0.1",
            ["wsgi.url_scheme"] = "http",
            ["HTTP_HOST"] = $"127.0.0.1:{port}",
            ["HTTP_USER_AGENT"] = UserAgent,
            ["HTTP_ACCEPT"] = "*/*",
        })),
        "/template" => Encoding.UTF8.GetBytes(TemplatePage()),
        _ => throw new ArgumentException($"no seed page at {path}", nameof(path)),
    };

    private static string TemplatePage()
    {
        var text = SeedPages.RenderedTemplate();
        if (Encoding.UTF8.GetByteCount(text) != SeedPages.TemplateLength)
        {
            throw new InvalidOperationException($"the expected /template page is {Encoding.UTF8.GetByteCount(text)} bytes, not {SeedPages.TemplateLength}");
        }
        return text;
    }

    private static async Task<(int Status, byte[] Body)> GetAsync(int port, string path)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var request = $"GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: {UserAgent}\r\nAccept: */*\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var received = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(received, timeout.Token);
        var bytes = received.ToArray();
        int end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return (0, bytes);
        }
        var head = Encoding.ASCII.GetString(bytes, 0, end);
        int status = int.TryParse(head.Split(' ', 3).ElementAtOrDefault(1), out var code) ? code : 0;
        return (status, bytes[(end + 4)..]);
    }
}
