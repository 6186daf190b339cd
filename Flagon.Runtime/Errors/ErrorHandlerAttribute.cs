namespace Flagon;

/// <summary>
/// Makes a method the handler of an HTTP error status (Flask's <c>@app.errorhandler(404)</c>) or of an exception type
/// (<c>@app.errorhandler(KeyError)</c>). On an app-level class it handles the app's errors; on a
/// <see cref="BlueprintAttribute"/> class, the errors of its own views and of its nested blueprints, and the misses
/// (404, 405) of URLs under its prefix, the longest prefix winning. The handler may take the exception (a parameter of
/// the handled type or a base of it: <see cref="HttpError"/> for a status), the request, and services; it returns the
/// body (sent with the error's status), a <c>(body, status)</c> tuple, a <see cref="Response"/>, or a task of one.
/// </summary>
/// <example>
/// <code>
/// [ErrorHandler(404), ErrorHandler(500)]
/// public static (string, int) Error(HttpError e) => ($"Error {e.Code}", e.Code);
///
/// [ErrorHandler(typeof(PaymentRequired))]
/// public static (string, int) OnPayment(PaymentRequired e) => (e.Description, 402);
/// </code>
/// </example>
/// <remarks>
/// The lookup is Flask's: for an HTTP error, a handler of its status (or of its own <see cref="HttpError"/> subclass)
/// in the request's blueprint, its parents, then the app; then a handler of its class or the nearest base class, in
/// the same order of blueprints. <c>[ErrorHandler(typeof(HttpError))]</c> takes every HTTP error no status handler takes.
/// An exception no handler takes becomes a 500, whose handler receives an <see cref="HttpError"/> with the original
/// as <c>InnerException</c>.
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
