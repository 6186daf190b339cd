using System.ComponentModel;
using Microsoft.AspNetCore.Http;

namespace Flagon.Dispatch;

/// <summary>
/// Flask's <c>Scaffold</c>: what an app or a blueprint adds to the handling of its requests. Its request hooks
/// (before, after, teardown, in registration order) and its error handlers (by status code, by exception type). The
/// generator registers the <c>[BeforeRequest]</c>, <c>[AfterRequest]</c>, <c>[TeardownRequest]</c> and
/// <c>[ErrorHandler]</c> methods of a class as direct calls; <see cref="App.BeforeRequest(Func{Response?})"/> and the
/// other imperative methods add to the same lists.
/// </summary>
/// <remarks>Lists are copied on write, so a request reads them without a lock.</remarks>
public sealed class Scaffold
{
    private BeforeRequestFunc[] beforeRequest = [];
    private AfterRequestFunc[] afterRequest = [];
    private TeardownRequestFunc[] teardownRequest = [];
    private Action<string?, IDictionary<string, string>>[] urlValuePreprocessors = [];
    private Action<string, IDictionary<string, object?>>[] urlDefaultFuncs = [];
    private Dictionary<int, ErrorHandlerFunc> byCode = [];
    private Dictionary<Type, ErrorHandlerFunc> byType = [];
    private readonly object gate = new();

    /// <summary>The before-request hooks, in registration order.</summary>
    internal BeforeRequestFunc[] BeforeRequestFuncs => beforeRequest;

    /// <summary>The after-request hooks, in registration order (they run in reverse).</summary>
    internal AfterRequestFunc[] AfterRequestFuncs => afterRequest;

    /// <summary>The teardown hooks, in registration order (they run in reverse).</summary>
    internal TeardownRequestFunc[] TeardownRequestFuncs => teardownRequest;

    /// <summary>The url_value_preprocessor functions, in registration order.</summary>
    internal Action<string?, IDictionary<string, string>>[] UrlValuePreprocessors => urlValuePreprocessors;

    /// <summary>The url_defaults functions, in registration order.</summary>
    internal Action<string, IDictionary<string, object?>>[] UrlDefaultFuncs => urlDefaultFuncs;

    /// <summary>Adds a url_value_preprocessor: it sees the matched endpoint and the URL's values before the before-request hooks.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddUrlValuePreprocessor(Action<string?, IDictionary<string, string>> preprocessor)
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        lock (gate)
        {
            urlValuePreprocessors = [.. urlValuePreprocessors, preprocessor];
        }
    }

    /// <summary>Adds a url_defaults function: it may add values to those <c>Url.For</c> builds a URL with.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddUrlDefaults(Action<string, IDictionary<string, object?>> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        lock (gate)
        {
            urlDefaultFuncs = [.. urlDefaultFuncs, defaults];
        }
    }

    /// <summary>Whether any after-request hook is registered: the response must then be made before it is written.</summary>
    internal bool HasAfterRequest => afterRequest.Length > 0;

    /// <summary>Adds a before-request hook: a non-null response answers the request instead of the view.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddBeforeRequest(BeforeRequestFunc hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (gate)
        {
            beforeRequest = [.. beforeRequest, hook];
        }
    }

    /// <summary>Adds an after-request hook: it receives the response and returns it, or another.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddAfterRequest(AfterRequestFunc hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (gate)
        {
            afterRequest = [.. afterRequest, hook];
        }
    }

    /// <summary>Adds a teardown hook: it runs when the request ends, with the exception no handler took, or null.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddTeardownRequest(TeardownRequestFunc hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (gate)
        {
            teardownRequest = [.. teardownRequest, hook];
        }
    }

    /// <summary>Handles the HTTP error <paramref name="code"/>; a later registration for the same code replaces an earlier one, as in Flask.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddErrorHandler(int code, ErrorHandlerFunc handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (code is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "An error handler takes an error status, 400 to 599; for other codes handle an exception type.");
        }
        lock (gate)
        {
            byCode = new Dictionary<int, ErrorHandlerFunc>(byCode) { [code] = handler };
        }
    }

    /// <summary>
    /// Handles exceptions of <paramref name="exceptionType"/> and its subclasses; <see cref="HttpError"/> (or
    /// <see cref="Exception"/>) takes every HTTP error that no code handler takes, as Flask's <c>HTTPException</c> does.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AddErrorHandler(Type exceptionType, ErrorHandlerFunc handler)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        ArgumentNullException.ThrowIfNull(handler);
        if (!typeof(Exception).IsAssignableFrom(exceptionType))
        {
            throw new ArgumentException($"'{exceptionType}' is not an exception type; an error handler takes an Exception type or a status code.", nameof(exceptionType));
        }
        lock (gate)
        {
            byType = new Dictionary<Type, ErrorHandlerFunc>(byType) { [exceptionType] = handler };
        }
    }

    /// <summary>This scaffold's handler for a status code, or null.</summary>
    internal ErrorHandlerFunc? ForCode(int code) => byCode.Count > 0 && byCode.TryGetValue(code, out var handler) ? handler : null;

    /// <summary>This scaffold's handler for the exception's class or its nearest base class (Python's MRO walk), or null.</summary>
    internal ErrorHandlerFunc? ForType(Type type) => ForType(type, typeof(object));

    /// <summary>
    /// The handler for an HTTP error's own class or a base class below <see cref="HttpError"/>: Flask files a handler of
    /// an HTTPException subclass under its status code, so such a handler comes before the code's own.
    /// </summary>
    internal ErrorHandlerFunc? ForHttpSubtype(Type type) => ForType(type, typeof(HttpError));

    private ErrorHandlerFunc? ForType(Type type, Type stop)
    {
        var map = byType;
        if (map.Count == 0)
        {
            return null;
        }
        for (var t = type; t is not null && t != stop; t = t.BaseType)
        {
            if (map.TryGetValue(t, out var handler))
            {
                return handler;
            }
        }
        return null;
    }
}

/// <summary>A before-request hook: a non-null response stops the request there (Flask's <c>before_request</c>).</summary>
public delegate ValueTask<Response?> BeforeRequestFunc(HttpContext context);

/// <summary>An after-request hook: receives the response and returns it or another (Flask's <c>after_request</c>).</summary>
public delegate ValueTask<Response> AfterRequestFunc(HttpContext context, Response response);

/// <summary>A teardown hook: the exception no handler took, or null (Flask's <c>teardown_request</c>).</summary>
public delegate ValueTask TeardownRequestFunc(HttpContext context, Exception? error);

/// <summary>
/// An error handler: answers <paramref name="error"/> by making the request's response (generated handlers write
/// their return value through Flagon's response writer; imperative ones return a <see cref="Response"/>).
/// </summary>
public delegate ValueTask ErrorHandlerFunc(HttpContext context, Exception error);
