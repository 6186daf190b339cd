using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Flagon.Tests.Shared;

/// <summary>A hostile request as bytes, and what it must get: a status, or 400–499 for "4xx".</summary>
internal sealed record HostileCase(string Name, string Expect, byte[] Request)
{
    /// <summary>Whether <paramref name="status"/> is what the case expects.</summary>
    public bool Accepts(int status) =>
        Expect == "4xx" ? status is >= 400 and < 500 : status.ToString(System.Globalization.CultureInfo.InvariantCulture) == Expect;
}

/// <summary>
/// Hostile requests over raw sockets, shared by the real-world sample's tests and the conformance app's: a corpus
/// file of hand-written cases (three hashes and a name, "EXPECT status", the request's lines; \xNN a byte, {N*C} N
/// copies of C), and seeded generated ones over the paths an app serves.
/// </summary>
internal static partial class HostileRequests
{
    /// <summary>Sends one request on a new connection and returns the response's status (0 if none came).</summary>
    public static async Task<int> SendAsync(Uri server, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);   // no half-close: the server takes a FIN for a client gone
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (a request line too long): read its answer.
        }
        catch (SocketException)
        {
        }
        var head = new byte[64];
        int read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (read < 12)
            {
                int n = await stream.ReadAsync(head.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
        }
        catch (IOException)
        {
        }
        var line = Encoding.ASCII.GetString(head, 0, read);
        var match = StatusLine().Match(line);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The cases of a corpus file's text.</summary>
    public static List<HostileCase> ReadCases(string text)
    {
        var cases = new List<HostileCase>();
        foreach (var block in text.Replace("\r\n", "\n").Split("### ").Skip(1))
        {
            var lines = block.Split('\n').ToList();
            string name = lines[0].Trim();
            string expect = lines[1].StartsWith("EXPECT ", StringComparison.Ordinal) ? lines[1][7..].Trim() : throw new FormatException($"{name}: no EXPECT line");
            var requestLines = lines.Skip(2).ToList();
            while (requestLines.Count > 0 && (requestLines[^1].Length == 0 || requestLines[^1].StartsWith('#')))
            {
                requestLines.RemoveAt(requestLines.Count - 1);
            }
            // The head, then the body after the first empty line; Connection: close added to the head.
            int blank = requestLines.IndexOf("");
            var headLines = blank < 0 ? requestLines : requestLines[..blank];
            var bodyLines = blank < 0 ? [] : requestLines[(blank + 1)..];
            string head = string.Join("\r\n", headLines) + "\r\nConnection: close\r\n\r\n";
            string body = bodyLines.Count == 0 ? "" : string.Join("\r\n", bodyLines) + (bodyLines[^1] == "0" ? "\r\n\r\n" : "");
            cases.Add(new HostileCase(name, expect, Unescape(head + body)));
        }
        return cases;
    }

    // \xNN is a byte, {N*C} N copies of C; the rest is UTF-8.
    private static byte[] Unescape(string text)
    {
        text = Repeat().Replace(text, m => new string(m.Groups[2].Value[0], int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var bytes = new List<byte>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x'
                && byte.TryParse(text.AsSpan(i + 2, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                bytes.Add(b);
                i += 3;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return [.. bytes];
    }

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW"];

    /// <summary>The real-world sample's paths.</summary>
    public static readonly string[] RealWorldBases = ["/", "/page/", "/api/pages/", "/uploads/", "/static/", "/admin/", "/admin/pages/", "/admin/login", "/counter/", "/healthz/", "/openapi/", "/nope/"];

    private static readonly string[] Pieces =
    [
        "..", ".", "%2e%2e", "%2E%2e%2f", "%2f", "%5c", "\\", "%00", "%ff", "%fe%ff", "%", "%z", "%zz", "%c0%ae", "%c0%af", "%e2%80%ae",
        "é", "%C3%A9", "e%CC%81", "ﬁ", "%EF%AC%81", "İ", "99999999999999999999", "-1", "+1", "0", "1", "007", "1.5", "1e5", "NaN",
        "00000000-0000-0000-0000-00000000000g", "12345678-1234-1234-1234-123456789abc", "%0d%0a", "%0aSet-Cookie:x=1", ";", "*", "~",
        "{", "}", "|", "^", "`", "'", "\"", "<script>", "%3Cscript%3E", "style.css", "edit", "new", "", "a", "abc",
    ];

    private static readonly string[] Cookies =
    [
        "", "session=garbage", "session=eyJhbGciOiJIUzI1NiJ9.e30.", "session=%%%", "realworld_login=CfDJ8AAAA",
        "realworld_csrf=", "session=" + new string('A', 3000), "a=1; a=2; session=", "session=\x01",
    ];

    private static readonly (string Type, string Body)[] Bodies =
    [
        ("application/x-www-form-urlencoded", "username=ada&password=x"),
        ("application/x-www-form-urlencoded", "a=%zz&b=%&c"),
        ("application/json", "{\"broken\": "),
        ("application/json", "[1, 2, 3]"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../x\"\r\n\r\nx\r\n--b--\r\n"),
        ("multipart/form-data; boundary=b", "--b\r\nno headers"),
        ("multipart/form-data", "x"),
        ("text/plain", "hello"),
        ("application/xml", "<a>"),
    ];

    /// <summary>The generated cases under <paramref name="bases"/>: seeded, so the same every run.</summary>
    public static IEnumerable<byte[]> Generated(int count, string[] bases)
    {
        var random = new Random(20261203);
        for (int i = 0; i < count; i++)
        {
            var request = new StringBuilder();
            string method = Methods[random.Next(Methods.Length)];
            var path = new StringBuilder(bases[random.Next(bases.Length)]);
            int parts = random.Next(0, 4);
            for (int p = 0; p < parts; p++)
            {
                if (p > 0)
                {
                    path.Append(random.Next(4) == 0 ? "//" : "/");
                }
                path.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(6) == 0)
                {
                    path.Append(Pieces[random.Next(Pieces.Length)]);
                }
            }
            if (random.Next(5) == 0)
            {
                path.Append("?next=").Append(Pieces[random.Next(Pieces.Length)]).Append("&page=").Append(Pieces[random.Next(Pieces.Length)]);
            }
            request.Append(method).Append(' ').Append(path).Append(random.Next(20) == 0 ? " HTTP/1.0" : " HTTP/1.1").Append("\r\n");
            request.Append("Host: localhost\r\nConnection: close\r\n");
            if (Cookies[random.Next(Cookies.Length)] is { Length: > 0 } cookie)
            {
                request.Append("Cookie: ").Append(cookie).Append("\r\n");
            }
            string body = "";
            if (method is "POST" or "PUT" or "PATCH" && random.Next(4) != 0)
            {
                var (type, text) = Bodies[random.Next(Bodies.Length)];
                body = text;
                request.Append("Content-Type: ").Append(type).Append("\r\n");
                request.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n");
            }
            request.Append("\r\n").Append(body);
            yield return Encoding.UTF8.GetBytes(request.ToString());
        }
    }

    /// <summary>The start of a request, control bytes escaped, for a failure message.</summary>
    public static string Printable(byte[] request) =>
        Regex.Replace(Encoding.UTF8.GetString(request.AsSpan(0, Math.Min(request.Length, 300))), @"[\x00-\x1f]", m => $"\\x{(int)m.Value[0]:x2}");

    [GeneratedRegex(@"^HTTP/1\.[01] (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\{(\d+)\*(.)\}")]
    private static partial Regex Repeat();
}
