using System.Net;
using System.Text;
using System.Text.Json;

namespace Flagon.Testing;

/// <summary>
/// A response the <see cref="TestClient"/> received (Flask's test response), read whole so that its status, headers,
/// text and JSON are plain properties.
/// </summary>
public sealed class TestResponse
{
    private readonly JsonSerializerOptions jsonOptions;

    internal TestResponse(HttpResponseMessage message, byte[] body, JsonSerializerOptions jsonOptions, IReadOnlyList<TestResponse> history)
    {
        Message = message;
        Bytes = body;
        this.jsonOptions = jsonOptions;
        History = history;
    }

    /// <summary>The underlying response message.</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>The status code: <c>200</c>.</summary>
    public int Status => (int)Message.StatusCode;

    /// <summary>The status code as an enum.</summary>
    public HttpStatusCode StatusCode => Message.StatusCode;

    /// <summary>The body's bytes (Flask's <c>response.data</c>).</summary>
    public byte[] Bytes { get; }

    /// <summary>The body as text, decoded with the charset the response names (UTF-8 otherwise).</summary>
    public string Text => (Message.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8).GetString(Bytes);

    /// <summary>The content type, e.g. <c>text/html; charset=utf-8</c>, or null.</summary>
    public string? ContentType => Message.Content.Headers.ContentType?.ToString();

    /// <summary>The <c>Location</c> header of a redirect, or null.</summary>
    public string? Location => Message.Headers.Location?.OriginalString;

    /// <summary>
    /// The responses that redirected here, oldest first, when the request followed redirects (Werkzeug's
    /// <c>response.history</c>); empty otherwise.
    /// </summary>
    public IReadOnlyList<TestResponse> History { get; }

    /// <summary>The value of a response or content header (several values joined by <c>, </c>), or null.</summary>
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>
    /// The body read as JSON (Flask's <c>response.json</c>) with the app's <see cref="App.JsonOptions"/>.
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON of that shape.</exception>
    public T? Json<T>() => (T?)JsonSerializer.Deserialize(Bytes, jsonOptions.GetTypeInfo(typeof(T)));

    /// <inheritdoc/>
    public override string ToString() => $"<TestResponse {Status} [{ContentType}]>";
}
