using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Flagon;

/// <summary>
/// An explicit response (Flask's <c>make_response</c>): body, status and headers, which a view may change before
/// returning it. Views may also return a plain string or a <c>(body, status)</c> tuple.
/// </summary>
/// <example>
/// <code>
/// var response = MakeResponse("Page not found!", 404);
/// response.Headers["Content-Type"] = "text/plain";
/// return response;
/// </code>
/// </example>
public class Response
{
    /// <summary>Creates a response with a text body.</summary>
    public Response(string? body = null, int status = StatusCodes.Status200OK, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        Body = Encoding.UTF8.GetBytes(body ?? string.Empty);
        Status = status;
        foreach (var (name, value) in headers ?? [])
        {
            Headers[name] = value;
        }
    }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Text
    {
        get => Encoding.UTF8.GetString(Body.Span);
        set => Body = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The status code.</summary>
    public int Status { get; set; }

    /// <summary>The headers; <c>Content-Type</c> defaults to <c>text/html; charset=utf-8</c>.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The content type (the <c>Content-Type</c> header).</summary>
    public string ContentType
    {
        get => Headers.TryGetValue("Content-Type", out var type) ? type : Http.ResponseWriter.HtmlContentType;
        set => Headers["Content-Type"] = value;
    }

    /// <summary>Writes the response to <paramref name="context"/>; HEAD requests get the headers only.</summary>
    public virtual ValueTask WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = value;
            }
        }
        response.ContentLength = Body.Length;
        if (HttpMethods.IsHead(context.Request.Method) || Body.Length == 0)
        {
            return ValueTask.CompletedTask;
        }
        response.BodyWriter.Write(Body.Span);
        return ValueTask.CompletedTask;
    }
}
