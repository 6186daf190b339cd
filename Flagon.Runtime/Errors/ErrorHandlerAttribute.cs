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
/// <param name="code">The status code handled.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ErrorHandlerAttribute(int code) : Attribute
{
    /// <summary>The status code handled.</summary>
    public int Code { get; } = code;
}
