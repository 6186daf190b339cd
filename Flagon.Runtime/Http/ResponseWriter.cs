using System.ComponentModel;
using System.Text;
using Flagon.Contexts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Flagon.Http;

/// <summary>
/// Makes the responses of views, hooks and error handlers from their return values (the typed fast path of Flask's
/// <c>make_response</c>); generated code picks the method from the declared return type at build time. When nothing
/// will look at the response (see the dispatch chain), a value is written straight to the client: a string without
/// boxing or copying. Otherwise it becomes a <see cref="Response"/> that the chain finalizes (after hooks, session)
/// and then writes; a body is never copied into a buffer.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResponseWriter
{
    /// <summary>The content type Flask gives a view's string: <c>text/html; charset=utf-8</c>.</summary>
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>The request context that waits for a response object, or null when the value may be written directly.</summary>
    private static Scope? Deferring(HttpContext context) =>
        CurrentScope.Current is { } scope && ReferenceEquals(scope.Http, context) && scope.MakesResponseObject ? scope : null;

    /// <summary>Makes <paramref name="response"/> the request's response: kept for the chain, or written now.</summary>
    /// <remarks>
    /// A held body (text or bytes) that nothing would look at is written now, as a view's string is; a streamed body
    /// or an <see cref="IResult"/> always goes through the chain, whose write step answers a failure before the first
    /// byte with the error handlers and logs one after it.
    /// </remarks>
    private static ValueTask Answer(HttpContext context, Response response)
    {
        if (CurrentScope.Current is { } scope && ReferenceEquals(scope.Http, context))
        {
            if (response.IsStreamed || response.IsResult || response.GetType() != typeof(Response) || scope.MakesResponseObject)
            {
                scope.Pending = response;
                return ValueTask.CompletedTask;
            }
        }
        return response.WriteAsync(context);
    }

    /// <summary>Writes a string body as UTF-8 <c>text/html</c> with status 200 (or <paramref name="status"/>).</summary>
    /// <exception cref="InvalidOperationException">The body is null: a view must return something.</exception>
    public static ValueTask WriteString(HttpContext context, string? body, int status = StatusCodes.Status200OK)
    {
        if (body is null)
        {
            throw NullReturn("string");
        }
        if (status is < 100 or > 999)
        {
            throw new InvalidOperationException($"The status {status} is not an HTTP status code (100 to 999).");
        }
        if (Deferring(context) is { } scope)
        {
            scope.Pending = new Response(body, status);
            return ValueTask.CompletedTask;
        }
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = HtmlContentType;
        return WriteUtf8Body(context, body);
    }

    /// <summary>
    /// Writes a query or form field a view returned (<c>return Request.Args["q"];</c>) as text: its first value, as Flask
    /// writes <c>request.args["q"]</c>.
    /// </summary>
    /// <exception cref="HttpError">400: the field was not sent (Flask's <c>request.args["q"]</c> raises <c>BadRequestKeyError</c>).</exception>
    public static ValueTask WriteString(HttpContext context, StringValues field, int status = StatusCodes.Status200OK) =>
        WriteString(context, MultiDictExtensions.FirstValue(field) ?? throw MissingField(), status);

    /// <summary>
    /// What a view's missing field raises: Flask's <c>request.args["q"]</c> (or <c>request.form</c>) raises
    /// <c>BadRequestKeyError</c>, a 400, for a key the client did not send.
    /// </summary>
    internal static HttpError MissingField() => new(StatusCodes.Status400BadRequest);

    /// <summary>Writes a view's <c>(body, status)</c> tuple (Flask's <c>return 'Error', 404</c>).</summary>
    public static ValueTask WriteString(HttpContext context, (string? Body, int Status) response) =>
        WriteString(context, response.Body, response.Status);

    /// <summary>Writes bytes as the body, <c>text/html; charset=utf-8</c> as Flask does unless the view says otherwise.</summary>
    public static ValueTask WriteBytes(HttpContext context, ReadOnlyMemory<byte> body) => Answer(context, new Response(body));

    /// <summary>Writes bytes as the body.</summary>
    public static ValueTask WriteBytes(HttpContext context, byte[]? body) =>
        WriteBytes(context, (ReadOnlyMemory<byte>)(body ?? throw NullReturn("byte[]")));

    /// <summary>Writes Flask's <c>(body, headers)</c> tuple.</summary>
    public static ValueTask WriteWithHeaders(HttpContext context, (string? Body, IEnumerable<KeyValuePair<string, string>>? Headers) response) =>
        Answer(context, new Response(response.Body ?? throw NullReturn("string"), StatusCodes.Status200OK, response.Headers));

    /// <summary>Writes Flask's <c>(body, status, headers)</c> tuple.</summary>
    public static ValueTask WriteWithHeaders(HttpContext context, (string? Body, int Status, IEnumerable<KeyValuePair<string, string>>? Headers) response) =>
        Answer(context, new Response(response.Body ?? throw NullReturn("string"), response.Status, response.Headers));

    /// <summary>
    /// Writes any other value (Flask's <c>jsonify</c> of a returned dict or list) through the app's make-response
    /// step, <see cref="App.MakeResponse"/>: JSON with <see cref="App.JsonOptions"/> unless a subclass says otherwise.
    /// Under Native AOT, add a JsonSerializerContext for the views' types to the options.
    /// </summary>
    public static ValueTask WriteJson<T>(HttpContext context, T value) =>
        Answer(context, (CurrentScope.App ?? throw OutsideContextException.App("the view's response")).MakeResponseFrom(value));

    /// <summary>Writes a view's ASP.NET Core <see cref="IResult"/>: executed, with the chain's headers applied first.</summary>
    public static ValueTask WriteResult(HttpContext context, IResult? result)
    {
        ArgumentNullException.ThrowIfNull(result, "The view's IResult");
        return Deferring(context) is not null ? Answer(context, Response.FromResult(result)) : new ValueTask(result.ExecuteAsync(context));
    }

    /// <summary>
    /// Streams a view's pieces (Flask's streamed responses): 200, <c>text/html; charset=utf-8</c>, no Content-Length,
    /// each piece flushed to the client as it comes. Return <see cref="Response.Streamed(IAsyncEnumerable{string}, int, string?)"/>
    /// to choose the status, the type or headers.
    /// </summary>
    public static ValueTask WriteStreamAsync(HttpContext context, IAsyncEnumerable<string> pieces) =>
        Answer(context, Response.Streamed(pieces ?? throw NullReturn("IAsyncEnumerable<string>")));

    /// <summary>Streams a view's byte chunks, each flushed as it comes.</summary>
    public static ValueTask WriteStreamAsync(HttpContext context, IAsyncEnumerable<byte[]> chunks) =>
        Answer(context, Response.Streamed(chunks ?? throw NullReturn("IAsyncEnumerable<byte[]>")));

    /// <summary>Streams a view's <see cref="Stream"/>, copied as it is read (and disposed after).</summary>
    public static ValueTask WriteStreamAsync(HttpContext context, Stream body) =>
        Answer(context, Response.Streamed(body ?? throw NullReturn("Stream")));

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
        Answer(context, response ?? throw NullReturn("Response"));

    /// <summary>Writes a view's asynchronous <see cref="Flagon.Response"/> once it is ready.</summary>
    public static async ValueTask WriteResponseAsync(HttpContext context, Task<Response> response) => await WriteResponse(context, await response);

    /// <summary>Writes <paramref name="text"/> as the UTF-8 body with its Content-Length; HEAD requests get the headers only.</summary>
    internal static ValueTask WriteUtf8Body(HttpContext context, string text)
    {
        var response = context.Response;
        response.ContentLength = Encoding.UTF8.GetByteCount(text);
        if (HttpMethods.IsHead(context.Request.Method) || text.Length == 0)
        {
            return ValueTask.CompletedTask;
        }
        Encoding.UTF8.GetBytes(text, response.BodyWriter);
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>() is not StreamResponseBodyFeature)
        {
            // The server's own body (Kestrel, the test server) or a wrapper that completes its writer (compression):
            // what is written goes out when the request ends, so no flush is paid for here.
            return ValueTask.CompletedTask;
        }
        // A body stream put in place by middleware (output caching, response caching, a `Response.Body = stream` of
        // the app's): its pipe keeps unflushed bytes to itself, and the middleware reads its stream when the request
        // returns, so the bytes are flushed into it now, as HttpResponse.WriteAsync does.
        var flush = response.BodyWriter.FlushAsync(context.RequestAborted);
        return flush.IsCompletedSuccessfully ? ValueTask.CompletedTask : Awaited(flush);

        static async ValueTask Awaited(ValueTask<System.IO.Pipelines.FlushResult> flush) => await flush;
    }

    /// <summary>Writes text pieces as they come, each flushed.</summary>
    internal static async ValueTask StreamPiecesAsync(HttpContext context, IAsyncEnumerable<string> pieces)
    {
        var writer = context.Response.BodyWriter;
        await foreach (var piece in pieces.WithCancellation(context.RequestAborted))
        {
            Encoding.UTF8.GetBytes(piece, writer);
            await writer.FlushAsync(context.RequestAborted);
        }
    }

    /// <summary>Writes byte chunks as they come, each flushed.</summary>
    internal static async ValueTask StreamChunksAsync(HttpContext context, IAsyncEnumerable<byte[]> chunks)
    {
        var writer = context.Response.BodyWriter;
        await foreach (var chunk in chunks.WithCancellation(context.RequestAborted))
        {
            await writer.WriteAsync(chunk, context.RequestAborted);
        }
    }

    private static InvalidOperationException NullReturn(string type) =>
        new($"The view (or hook, or error handler) returned a null {type}; return a value, or abort with an HTTP error.");
}
