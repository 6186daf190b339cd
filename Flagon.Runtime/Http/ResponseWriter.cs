using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Flagon.Http;

/// <summary>
/// Writes the implicit responses of views (Flask's make_response applied to a return value).
/// Generated code picks the writer from the view's declared return type at build time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseWriter
{
    /// <summary>The content type Flask gives a view's string: <c>text/html; charset=utf-8</c>.</summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>
    /// Writes a string body as UTF-8 <c>text/html</c> with status 200 (or <paramref name="status"/>),
    /// straight into the response pipe: no intermediate byte array.
    /// </summary>
    public static ValueTask WriteString(HttpContext context, string? body, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = HtmlContentType;
        return WriteUtf8Body(context, body ?? string.Empty);
    }

    /// <summary>Writes a view's <c>(body, status)</c> tuple (Flask's <c>return 'Error', 404</c>).</summary>
    public static ValueTask WriteString(HttpContext context, (string? Body, int Status) response) =>
        WriteString(context, response.Body, response.Status);

    /// <summary>Writes bytes as the body, <c>text/html; charset=utf-8</c> as Flask does unless the view says otherwise.</summary>
    public static ValueTask WriteBytes(HttpContext context, ReadOnlyMemory<byte> body) => new Response(null) { Body = body }.WriteAsync(context);

    /// <summary>Writes bytes as the body.</summary>
    public static ValueTask WriteBytes(HttpContext context, byte[]? body) => WriteBytes(context, (ReadOnlyMemory<byte>)(body ?? []));

    /// <summary>Writes Flask's <c>(body, headers)</c> tuple.</summary>
    public static ValueTask WriteWithHeaders(HttpContext context, (string? Body, IEnumerable<KeyValuePair<string, string>>? Headers) response) =>
        new Response(response.Body, StatusCodes.Status200OK, response.Headers).WriteAsync(context);

    /// <summary>Writes Flask's <c>(body, status, headers)</c> tuple.</summary>
    public static ValueTask WriteWithHeaders(HttpContext context, (string? Body, int Status, IEnumerable<KeyValuePair<string, string>>? Headers) response) =>
        new Response(response.Body, response.Status, response.Headers).WriteAsync(context);

    /// <summary>
    /// Writes any other value (Flask's <c>jsonify</c> of a returned dict or list) through the app's make-response
    /// step, <see cref="App.ToResponse"/>: JSON with <see cref="App.JsonOptions"/> unless a subclass says otherwise.
    /// Under Native AOT, add a JsonSerializerContext for the views' types to the options.
    /// </summary>
    public static ValueTask WriteJson<T>(HttpContext context, T value) => App.WriteValue(context, value);

    /// <summary>
    /// Streams a view's pieces (Flask's streamed responses): 200, <c>text/html; charset=utf-8</c>, no Content-Length,
    /// each piece flushed to the client as it comes. HEAD requests get the headers only.
    /// </summary>
    public static async ValueTask WriteStreamAsync(HttpContext context, IAsyncEnumerable<string> pieces)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = HtmlContentType;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        await foreach (var piece in pieces.WithCancellation(context.RequestAborted))
        {
            Encoding.UTF8.GetBytes(piece, response.BodyWriter);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
    }

    /// <summary>Awaits a view's <c>Task&lt;T&gt;</c>, then writes its value as generated code says for T.</summary>
    public static async ValueTask WriteAwaitedAsync<T>(HttpContext context, Task<T> pending, Func<HttpContext, T, ValueTask> write) =>
        await write(context, await pending);

    /// <summary>Awaits a view's <c>ValueTask&lt;T&gt;</c>, then writes its value as generated code says for T.</summary>
    public static async ValueTask WriteAwaitedAsync<T>(HttpContext context, ValueTask<T> pending, Func<HttpContext, T, ValueTask> write) =>
        await write(context, await pending);

    /// <summary>Writes a view's asynchronous string once it is ready.</summary>
    public static async ValueTask WriteStringAsync(HttpContext context, Task<string> body) => await WriteString(context, await body);

    /// <summary>Writes a view's asynchronous string once it is ready.</summary>
    public static async ValueTask WriteStringAsync(HttpContext context, ValueTask<string> body) => await WriteString(context, await body);

    /// <summary>Writes a view's <see cref="Flagon.Response"/>; a null one is an error.</summary>
    public static ValueTask WriteResponse(HttpContext context, Response? response) =>
        (response ?? throw new InvalidOperationException("The view returned a null Response.")).WriteAsync(context);

    /// <summary>Writes a view's asynchronous <see cref="Flagon.Response"/> once it is ready.</summary>
    public static async ValueTask WriteResponseAsync(HttpContext context, Task<Response> response) => await WriteResponse(context, await response);

    /// <summary>Writes <paramref name="text"/> as the UTF-8 body with its Content-Length; HEAD requests get the headers only.</summary>
    internal static ValueTask WriteUtf8Body(HttpContext context, string text)
    {
        var response = context.Response;
        response.ContentLength = Encoding.UTF8.GetByteCount(text);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            // Kestrel flushes the pipe when the request completes, so no flush is awaited here.
            Encoding.UTF8.GetBytes(text, response.BodyWriter);
        }
        return ValueTask.CompletedTask;
    }
}
