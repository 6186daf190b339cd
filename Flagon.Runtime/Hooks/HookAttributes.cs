namespace Flagon;

/// <summary>
/// Runs the method before every request of the app, or of the blueprint it is declared in (Flask's
/// <c>before_request</c>), after the URL is matched. A method that returns a non-null string or
/// <see cref="Response"/> answers the request instead of the view.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BeforeRequestAttribute : Attribute;

/// <summary>
/// Runs the method after every request of the app or blueprint (Flask's <c>after_request</c>): it receives the
/// <see cref="Response"/> and may change it or return another. Hooks run in reverse order of declaration, the
/// blueprint's before the app's. Not run when the view throws (teardown hooks are).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AfterRequestAttribute : Attribute;

/// <summary>
/// Runs the method when every request of the app or blueprint ends, whatever happened (Flask's
/// <c>teardown_request</c>); it may take the <see cref="Exception"/> that ended the request, or null.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TeardownRequestAttribute : Attribute;
