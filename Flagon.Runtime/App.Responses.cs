using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Flagon;

public partial class App
{
    /// <summary>
    /// The make-response step (Flask's <c>app.make_response</c>) for return values whose conversion is decided at
    /// run time: views returning data objects or collections (JSON), views added with a run-time rule, and anything
    /// a subclass wants to treat differently. Views returning text, bytes, tuples, <see cref="Response"/>, streams or
    /// <see cref="IResult"/> are converted by generated code, without this step. Override it to change how values
    /// become responses, e.g. to wrap every JSON payload in an envelope.
    /// </summary>
    /// <param name="value">What the view returned.</param>
    /// <returns>
    /// A <see cref="Response"/> returned as is; a string (or a field's <see cref="StringValues"/>) as <c>text/html</c>; <c>(string, int)</c> as body and status;
    /// bytes as the body; an <see cref="IResult"/> executed; anything else as JSON with <see cref="JsonOptions"/>.
    /// </returns>
    /// <exception cref="InvalidOperationException">The value is null: a view must return something.</exception>
    /// <exception cref="HttpError">400: the value is a query or form field the client did not send (Flask's <c>BadRequestKeyError</c>).</exception>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Types resolve through App.JsonOptions, to which AOT apps add their JsonSerializerContext (docs/contexts.md).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Types resolve through App.JsonOptions, to which AOT apps add their JsonSerializerContext (docs/contexts.md).")]
    protected virtual Response MakeResponse(object? value) => value switch
    {
        null => throw new InvalidOperationException("The view returned null; return a string, a Response, or a value to send as JSON."),
        Response response => response,
        string text => new Response(text),
        StringValues field => new Response(MultiDictExtensions.FirstValue(field) ?? throw Http.ResponseWriter.MissingField()),
        ValueTuple<string, int> pair => new Response(pair.Item1, pair.Item2),
        byte[] bytes => new Response((ReadOnlyMemory<byte>)bytes),
        ReadOnlyMemory<byte> memory => new Response(memory),
        IResult result => Response.FromResult(result),
        _ => new Response(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions.GetTypeInfo(value.GetType())), mimetype: "application/json"),
    };

    /// <summary>Calls <see cref="MakeResponse"/> for a view's value.</summary>
    internal Response MakeResponseFrom<T>(T value) => MakeResponse(value);
}
