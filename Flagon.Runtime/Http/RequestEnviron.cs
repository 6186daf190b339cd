using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Flagon.Http;

/// <summary>
/// A request as a WSGI environ shows it (<see cref="Request.Environ"/>): the CGI variables, <c>CONTENT_TYPE</c> and
/// <c>CONTENT_LENGTH</c>, and one <c>HTTP_</c> entry per other header, sorted by name (ordinal). Made on each read of
/// <see cref="Request.Environ"/>, as one array (looked up by binary search).
/// </summary>
internal sealed class RequestEnviron : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] entries;

    private RequestEnviron(KeyValuePair<string, string>[] entries) => this.entries = entries;

    /// <summary>The environ of <paramref name="context"/>'s request.</summary>
    public static RequestEnviron Of(HttpContext context)
    {
        var r = context.Request;
        var headers = r.Headers;
        var entries = new KeyValuePair<string, string>[11 + headers.Count];
        int count = 0;
        entries[count++] = new("REQUEST_METHOD", r.Method);
        entries[count++] = new("SCRIPT_NAME", r.PathBase.Value ?? string.Empty);
        entries[count++] = new("PATH_INFO", r.Path.Value ?? string.Empty);
        entries[count++] = new("QUERY_STRING", r.QueryString.HasValue ? r.QueryString.Value![1..] : string.Empty);
        entries[count++] = new("SERVER_NAME", r.Host.Host);
        entries[count++] = new("SERVER_PORT", (r.Host.Port ?? (r.IsHttps ? 443 : 80)).ToString(CultureInfo.InvariantCulture));
        entries[count++] = new("SERVER_PROTOCOL", r.Protocol);
        entries[count++] = new("REMOTE_ADDR", context.Connection.RemoteIpAddress?.ToString() ?? string.Empty);
        entries[count++] = new("wsgi.url_scheme", r.Scheme);
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                entries[count++] = new("CONTENT_TYPE", value.ToString());
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                entries[count++] = new("CONTENT_LENGTH", value.ToString());
            }
            else
            {
                entries[count++] = new(CgiName(name), value.ToString());
            }
        }
        Array.Resize(ref entries, count);
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new RequestEnviron(entries);
    }

    // "User-Agent" -> "HTTP_USER_AGENT", in one string.
    private static string CgiName(string header) => string.Create(5 + header.Length, header, static (name, header) =>
    {
        "HTTP_".CopyTo(name);
        for (int i = 0; i < header.Length; i++)
        {
            char c = header[i];
            name[5 + i] = c == '-' ? '_' : char.ToUpperInvariant(c);
        }
    });

    /// <inheritdoc/>
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not in the environ.");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<string> Values => entries.Select(e => e.Value);

    /// <inheritdoc/>
    public int Count => entries.Length;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        int index = IndexOf(key);
        value = index >= 0 ? entries[index].Value : null;
        return index >= 0;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int low = 0, high = entries.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = string.CompareOrdinal(entries[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
