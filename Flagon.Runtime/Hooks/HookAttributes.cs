namespace Flagon;

/// <summary>
/// Runs the method before every request of the app, or of the blueprint it is declared in (Flask's
/// <c>before_request</c>), after the URL is matched. A method that returns a non-null string or
/// <see cref="Response"/> (or a task of one) answers the request instead of the view; an exception or an
/// <c>Abort</c> goes to the error handlers.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BeforeRequestAttribute : Attribute;

/// <summary>
/// Runs the method after every request of the app or blueprint (Flask's <c>after_request</c>): it receives the
/// <see cref="Response"/>, before anything is written, and may change it or return another. Hooks run in reverse
/// order of declaration, the blueprint's before the app's. They also run on error handlers' responses; a streamed
/// body is not read, so the hook sees the response object, not its bytes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AfterRequestAttribute : Attribute;

/// <summary>
/// Runs the method when every request of the app or blueprint ends, whatever happened (Flask's
/// <c>teardown_request</c>), after the response is written: the last declared first, every one even when another
/// throws. It may take the <see cref="Exception"/> no handler took, or null.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TeardownRequestAttribute : Attribute;
