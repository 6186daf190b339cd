using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Flagon.HttpBenchmarks;

/// <summary>
/// The request's environment with WSGI's names (CGI variables, <c>HTTP_</c> headers), for the servers that have no
/// <c>Request.Environ</c> of their own: the same entries as Flagon's, so that every server writes the same page.
/// </summary>
public static class WsgiEnviron
{
    /// <summary>The environment of <paramref name="context"/>'s request.</summary>
    public static List<KeyValuePair<string, string>> Of(HttpContext context)
    {
        var r = context.Request;
        var environ = new List<KeyValuePair<string, string>>(16)
        {
            new("REQUEST_METHOD", r.Method),
            new("SCRIPT_NAME", r.PathBase.Value ?? string.Empty),
            new("PATH_INFO", r.Path.Value ?? string.Empty),
            new("QUERY_STRING", r.QueryString.HasValue ? r.QueryString.Value![1..] : string.Empty),
            new("SERVER_NAME", r.Host.Host),
            new("SERVER_PORT", (r.Host.Port ?? (r.IsHttps ? 443 : 80)).ToString(CultureInfo.InvariantCulture)),
            new("SERVER_PROTOCOL", r.Protocol),
            new("REMOTE_ADDR", context.Connection.RemoteIpAddress?.ToString() ?? string.Empty),
            new("wsgi.url_scheme", r.Scheme),
        };
        if (r.ContentType is { } contentType)
        {
            environ.Add(new("CONTENT_TYPE", contentType));
        }
        if (r.ContentLength is { } length)
        {
            environ.Add(new("CONTENT_LENGTH", length.ToString(CultureInfo.InvariantCulture)));
        }
        foreach (var (name, value) in r.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                environ.Add(new("HTTP_" + name.ToUpperInvariant().Replace('-', '_'), value.ToString()));
            }
        }
        return environ;
    }
}
