using System.Text;
using Microsoft.AspNetCore.Http;
using HeaderNames = Microsoft.Net.Http.Headers.HeaderNames;

namespace Flagon;

/// <summary>
/// An explicit response (Flask's <c>Response</c> and <c>make_response</c>): status, headers (several values per
/// name, cookies) and a body, which a view may build and return, and which after-request hooks receive before
/// anything is written. Views may also return a plain string, a <c>(body, status)</c> tuple, bytes, a stream or an
/// ASP.NET Core <see cref="IResult"/>; Flagon makes the response from them.
/// </summary>
/// <remarks>
/// The body is kept as it was given: text stays a string until it is written, a stream or a sequence of pieces is
/// copied to the client as it is read (never into memory), a file is sent by ASP.NET Core's file-serving code with
/// its conditional and range handling.
/// </remarks>
/// <example>
/// <code>
/// var response = MakeResponse("Page not found!", 404);
/// response.Headers.ContentType = "text/plain";
/// response.SetCookie("seen", "yes", maxAge: TimeSpan.FromDays(30));
/// return response;
///
/// // streamed, with a status and a type (Flask's Response(generate(), mimetype="text/csv")):
/// return Response.Streamed(Rows(), mimetype: "text/csv");
/// </code>
/// </example>
public class Response
{
    private enum Kind : byte
    {
        Text,
        Bytes,
        Stream,
        TextPieces,
        BytePieces,
        Result,
    }

    private Kind kind;
    private string? text;
    private ReadOnlyMemory<byte> bytes;
    private object? source;
    private IHeaderDictionary? headers;

    /// <summary>Creates a response with a text body (sent as UTF-8).</summary>
    /// <param name="body">The body; null or empty for none.</param>
    /// <param name="status">The status code.</param>
    /// <param name="headers">Headers to set; a name given twice gets both values.</param>
    /// <param name="mimetype">
    /// The content type (Flask's <c>Response(body, mimetype="text/plain")</c>): a <c>text/…</c> type gets
    /// <c>; charset=utf-8</c> as Werkzeug adds it; <c>text/html; charset=utf-8</c> when null.
    /// </param>
    public Response(string? body = null, int status = StatusCodes.Status200OK, IEnumerable<KeyValuePair<string, string>>? headers = null, string? mimetype = null)
    {
        text = body ?? string.Empty;
        Status = status;
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                Headers.Append(name, value);
            }
        }
        if (mimetype is not null)
        {
            SetMimetype(mimetype);
        }
    }

    /// <summary>Creates a response with a body of bytes, sent as they are.</summary>
    /// <param name="body">The body.</param>
    /// <param name="status">The status code.</param>
    /// <param name="mimetype">The content type; <c>text/html; charset=utf-8</c> when null, as Flask's.</param>
    public Response(ReadOnlyMemory<byte> body, int status = StatusCodes.Status200OK, string? mimetype = null)
    {
        kind = Kind.Bytes;
        bytes = body;
        Status = status;
        if (mimetype is not null)
        {
            SetMimetype(mimetype);
        }
    }

    /// <summary>
    /// A streamed response (Flask's <c>Response(generate())</c>): each piece is written and flushed to the client as the
    /// sequence yields it, with no <c>Content-Length</c>. After-request hooks see the response before the first piece.
    /// </summary>
    public static Response Streamed(IAsyncEnumerable<string> pieces, int status = StatusCodes.Status200OK, string? mimetype = null) =>
        new(Kind.TextPieces, pieces ?? throw new ArgumentNullException(nameof(pieces)), status, mimetype);

    /// <summary>A streamed response of byte chunks, each flushed to the client as it comes.</summary>
    public static Response Streamed(IAsyncEnumerable<byte[]> chunks, int status = StatusCodes.Status200OK, string? mimetype = null) =>
        new(Kind.BytePieces, chunks ?? throw new ArgumentNullException(nameof(chunks)), status, mimetype);

    /// <summary>
    /// A response whose body is copied from <paramref name="body"/> as it is read (and disposed after); its length is
    /// sent when the stream knows it. <c>application/octet-stream</c> unless a mimetype is given.
    /// </summary>
    public static Response Streamed(System.IO.Stream body, int status = StatusCodes.Status200OK, string? mimetype = null) =>
        new(Kind.Stream, body ?? throw new ArgumentNullException(nameof(body)), status, mimetype ?? "application/octet-stream");

    /// <summary>
    /// A response written by an ASP.NET Core <see cref="IResult"/> (<c>Results.File</c>, <c>TypedResults.Problem</c>, …):
    /// the status and headers set here, and by after-request hooks, are applied first; the result then writes the rest.
    /// </summary>
    public static Response FromResult(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var response = new Response(Kind.Result, result, StatusCodes.Status200OK, null) { StatusSet = false };
        return response;
    }

    private Response(Kind kind, object source, int status, string? mimetype)
    {
        this.kind = kind;
        this.source = source;
        Status = status;
        if (mimetype is not null)
        {
            SetMimetype(mimetype);
        }
    }

    private int status;

    // For an IResult, whose own status applies unless the response's was set.
    private bool StatusSet { get; set; } = true;

    /// <summary>The status code (Flask's <c>status_code</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a code outside 100–999.</exception>
    public int Status
    {
        get => status;
        set
        {
            if (value is < 100 or > 999)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "An HTTP status code is a number from 100 to 999.");
            }
            status = value;
            StatusSet = true;
        }
    }

    /// <summary>
    /// The headers; a name may have several values (<c>Headers.Append("Link", …)</c>). <c>Content-Type</c> defaults to
    /// <c>text/html; charset=utf-8</c>; <c>Content-Length</c> is set from the body when it is written.
    /// </summary>
    public IHeaderDictionary Headers => headers ??= NewHeaders();

    // The content type given to a constructor, kept out of a header dictionary until one is needed (most responses
    // never need one); moved into it when it is made, so the headers are then the only place it lives.
    private string? contentType;

    private IHeaderDictionary NewHeaders()
    {
        IHeaderDictionary made = new HeaderDictionary();
        if (contentType is not null)
        {
            made.ContentType = contentType;
            contentType = null;
        }
        return made;
    }

    /// <summary>The content type (the <c>Content-Type</c> header), <c>text/html; charset=utf-8</c> unless set.</summary>
    public string ContentType
    {
        get => headers is not null && headers.ContentType.Count > 0 ? headers.ContentType.ToString() : contentType ?? Http.ResponseWriter.HtmlContentType;
        set
        {
            if (headers is null)
            {
                contentType = value;
            }
            else
            {
                headers.ContentType = value;
            }
        }
    }

    /// <summary>
    /// The content type without its parameters (Werkzeug's <c>response.mimetype</c>): <c>text/html</c> for
    /// <c>text/html; charset=utf-8</c>. Setting it sets <see cref="ContentType"/>, with <c>; charset=utf-8</c> for a
    /// text type, as Werkzeug does: <c>response.Mimetype = "text/plain"</c> sends <c>text/plain; charset=utf-8</c>.
    /// </summary>
    public string Mimetype
    {
        get
        {
            var type = ContentType;
            int semicolon = type.IndexOf(';');
            return (semicolon < 0 ? type : type[..semicolon]).Trim().ToLowerInvariant();
        }
        set => SetMimetype(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>
    /// Sets the content type from a mimetype as Werkzeug's <c>mimetype</c> does: <c>text/…</c>, XML and JavaScript
    /// types without a charset get <c>; charset=utf-8</c>.
    /// </summary>
    private void SetMimetype(string mimetype) => ContentType = WithCharset(mimetype);

    /// <summary>Werkzeug's <c>get_content_type</c>: the mimetype, with <c>; charset=utf-8</c> when it is a text type without one.</summary>
    internal static string WithCharset(string mimetype)
    {
        if (mimetype.Contains("charset=", StringComparison.OrdinalIgnoreCase))
        {
            return mimetype;
        }
        bool text = mimetype.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mimetype.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mimetype is "application/xml" or "application/javascript" or "application/ecmascript" or "application/xml-dtd"
                or "application/xml-external-parsed-entity" or "application/sql";
        return !text ? mimetype : mimetype switch
        {
            "text/plain" => "text/plain; charset=utf-8",
            "text/html" => Http.ResponseWriter.HtmlContentType,
            _ => mimetype + "; charset=utf-8",
        };
    }

    /// <summary>Whether the body is a stream or a sequence of pieces, written as it comes rather than held.</summary>
    public bool IsStreamed => kind is Kind.Stream or Kind.TextPieces or Kind.BytePieces;

    /// <summary>Whether an ASP.NET Core <see cref="IResult"/> writes the body.</summary>
    public bool IsResult => kind == Kind.Result;

    /// <summary>The body's bytes (text is encoded as UTF-8 when asked); setting it replaces the body.</summary>
    /// <exception cref="InvalidOperationException">The body is streamed or an <see cref="IResult"/>: it is not held to be read.</exception>
    public ReadOnlyMemory<byte> Body
    {
        get => kind switch
        {
            Kind.Text => Encoding.UTF8.GetBytes(text!),
            Kind.Bytes => bytes,
            _ => throw NotHeld(),
        };
        set
        {
            (kind, bytes, text, source) = (Kind.Bytes, value, null, null);
        }
    }

    /// <summary>The body as UTF-8 text (Flask's <c>get_data(as_text=True)</c>); setting it replaces the body.</summary>
    /// <exception cref="InvalidOperationException">The body is streamed or an <see cref="IResult"/>.</exception>
    public string Text
    {
        get => kind switch
        {
            Kind.Text => text!,
            Kind.Bytes => Encoding.UTF8.GetString(bytes.Span),
            _ => throw NotHeld(),
        };
        set
        {
            (kind, text, bytes, source) = (Kind.Text, value ?? string.Empty, default, null);
        }
    }

    private InvalidOperationException NotHeld() =>
        new($"This response's body is {(kind == Kind.Result ? "written by an IResult" : "streamed")}, so it is not held in memory to read; check IsStreamed or IsResult first.");

    /// <summary>
    /// Sets a cookie (Werkzeug's <c>set_cookie</c>): one <c>Set-Cookie</c> header per call, so several cookies go out
    /// together. The value is percent-encoded as ASP.NET Core's cookies are, and read back decoded.
    /// </summary>
    /// <param name="key">The cookie's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="maxAge">How long it lives (<c>Max-Age</c>); a browser-session cookie when neither this nor <paramref name="expires"/> is given.</param>
    /// <param name="expires">When it expires (<c>Expires</c>).</param>
    /// <param name="path">The path it is sent for; <c>/</c> by default.</param>
    /// <param name="domain">The domain it is sent to; the host that set it when null.</param>
    /// <param name="secure">Sent over HTTPS only.</param>
    /// <param name="httpOnly">Hidden from scripts.</param>
    /// <param name="sameSite">Cross-site sending (<c>Lax</c>, <c>Strict</c>, <c>None</c>); no attribute when unspecified.</param>
    /// <param name="partitioned">Partitioned by top-level site (CHIPS); implies <paramref name="secure"/>.</param>
    public void SetCookie(string key, string value = "", TimeSpan? maxAge = null, DateTimeOffset? expires = null, string? path = "/",
        string? domain = null, bool secure = false, bool httpOnly = false, SameSiteMode sameSite = SameSiteMode.Unspecified, bool partitioned = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var options = new CookieOptions
        {
            MaxAge = maxAge,
            Expires = expires,
            Path = path,
            Domain = domain,
            Secure = secure || partitioned,
            HttpOnly = httpOnly,
            SameSite = sameSite,
        };
        if (partitioned)
        {
            options.Extensions.Add("Partitioned");
        }
        SetCookie(key, value, options);
    }

    /// <summary>Sets a cookie with ASP.NET Core's <see cref="CookieOptions"/>.</summary>
    public void SetCookie(string key, string value, CookieOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(options);
        Headers.Append(HeaderNames.SetCookie, options.CreateCookieHeader(key, Uri.EscapeDataString(value ?? string.Empty)).ToString());
    }

    /// <summary>
    /// Deletes a cookie (Werkzeug's <c>delete_cookie</c>): sets it empty, expired at the epoch, with <c>Max-Age=0</c>.
    /// Give the same path and domain it was set with.
    /// </summary>
    public void DeleteCookie(string key, string? path = "/", string? domain = null, bool secure = false, bool httpOnly = false,
        SameSiteMode sameSite = SameSiteMode.Unspecified, bool partitioned = false) =>
        SetCookie(key, string.Empty, TimeSpan.Zero, DateTimeOffset.UnixEpoch, path, domain, secure, httpOnly, sameSite, partitioned);

    /// <summary>
    /// Writes the response to <paramref name="context"/>: status, headers (<c>Set-Cookie</c> and <c>Vary</c> values
    /// join those already set by middleware; other names replace them), then the body. HEAD requests get the headers
    /// only; 204 and 304 get no body.
    /// </summary>
    public virtual async ValueTask WriteAsync(HttpContext context)
    {
        var response = context.Response;
        if (StatusSet)
        {
            response.StatusCode = Status;
        }
        if (headers is null)
        {
            if (kind != Kind.Result || contentType is not null)
            {
                response.ContentType = contentType ?? Http.ResponseWriter.HtmlContentType;
            }
        }
        else
        {
            CopyHeaders(headers, response, setDefaultType: kind != Kind.Result);
        }
        bool noBody = HttpMethods.IsHead(context.Request.Method);
        bool bodyless = Status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified || Status < 200;
        switch (kind)
        {
            case Kind.Text:
                if (bodyless)
                {
                    return;
                }
                if (noBody)
                {
                    response.ContentLength = Encoding.UTF8.GetByteCount(text!);
                    return;
                }
                await Http.ResponseWriter.WriteUtf8Body(context, text!);
                return;
            case Kind.Bytes:
                if (bodyless)
                {
                    return;
                }
                response.ContentLength = bytes.Length;
                if (!noBody && bytes.Length > 0)
                {
                    await response.BodyWriter.WriteAsync(bytes, context.RequestAborted);
                }
                return;
            case Kind.Stream:
                await using (var stream = (System.IO.Stream)source!)
                {
                    if (stream.CanSeek)
                    {
                        response.ContentLength = stream.Length - stream.Position;
                    }
                    if (!noBody && !bodyless)
                    {
                        await stream.CopyToAsync(response.Body, context.RequestAborted);
                    }
                }
                return;
            case Kind.TextPieces:
                if (!noBody && !bodyless)
                {
                    await Http.ResponseWriter.StreamPiecesAsync(context, (IAsyncEnumerable<string>)source!);
                }
                return;
            case Kind.BytePieces:
                if (!noBody && !bodyless)
                {
                    await Http.ResponseWriter.StreamChunksAsync(context, (IAsyncEnumerable<byte[]>)source!);
                }
                return;
            case Kind.Result:
                await ((IResult)source!).ExecuteAsync(context);
                return;
        }
    }

    private static void CopyHeaders(IHeaderDictionary headers, HttpResponse response, bool setDefaultType)
    {
        foreach (var (name, values) in headers)
        {
            if (name.Equals(HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase) || name.Equals(HeaderNames.Vary, StringComparison.OrdinalIgnoreCase))
            {
                // Cookies and Vary set by middleware (antiforgery, authentication, compression) stay.
                response.Headers.Append(name, values);
            }
            else if (!name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = values;
            }
        }
        if (setDefaultType && headers.ContentType.Count == 0)
        {
            response.ContentType = Http.ResponseWriter.HtmlContentType;
        }
    }

    /// <summary><c>&lt;Response 13 bytes [200 OK]&gt;</c>, as Werkzeug prints a response.</summary>
    public override string ToString() =>
        $"<Response {(kind switch { Kind.Text => $"{Encoding.UTF8.GetByteCount(text!)} bytes", Kind.Bytes => $"{bytes.Length} bytes", Kind.Result => "result", _ => "streamed" })} [{Status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(Status)}]>";
}
