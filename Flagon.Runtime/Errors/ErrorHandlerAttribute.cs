namespace Flagon;

/// <summary>
/// Makes a method the handler of an HTTP error status (Flask's <c>@app.errorhandler(404)</c>). On an app-level
/// class it handles the app's errors; on a <see cref="BlueprintAttribute"/> class, the errors of its own views
/// and the misses (404, 405) of URLs under its prefix, the longest prefix winning. The handler may take the
/// <see cref="HttpError"/> (or <see cref="Exception"/>), the request, and services; it returns the body
/// (sent with the error's status) or a <c>(body, status)</c> tuple.
/// </summary>
/// <example>
/// <code>
/// [ErrorHandler(404), ErrorHandler(500)]
/// public static (string, int) Error(HttpError e) => ($"Error {e.Code}", e.Code);
/// </code>
/// </example>
/// <remarks>
/// <c>[ErrorHandler(typeof(KeyNotFoundException))]</c> handles an exception type (and its subclasses) that a view
/// throws; the most specific handler wins, a blueprint's before the app's. A view's exception that no type handler
/// takes becomes a 500, which the 500 handler receives (the original as <c>InnerException</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ErrorHandlerAttribute : Attribute
{
    /// <summary>Handles the HTTP status <paramref name="code"/>.</summary>
    public ErrorHandlerAttribute(int code) => Code = code;

    /// <summary>Handles exceptions of <paramref name="exceptionType"/> (and its subclasses) thrown by views.</summary>
    public ErrorHandlerAttribute(Type exceptionType) => ExceptionType = exceptionType;

    /// <summary>The status code handled, or 0 for an exception-type handler.</summary>
    public int Code { get; }

    /// <summary>The exception type handled, or null for a status handler.</summary>
    public Type? ExceptionType { get; }
}
