namespace Flagon;

/// <summary>
/// Something that needs a request or an app context was used outside one: Flask's "Working outside of request
/// context." The message says which context and how to get one.
/// </summary>
public sealed class OutsideContextException : InvalidOperationException
{
    private OutsideContextException(string message)
        : base(message)
    {
    }

    internal static OutsideContextException Request(string what) => new(
        $"Working outside of request context: {what} needs an active HTTP request. Use it inside a view, a request hook or an error "
        + "handler; in a test or a shell, push one first: using (app.TestRequestContext(\"/path\")) { ... }.");

    internal static OutsideContextException App(string what) => new(
        $"Working outside of application context: {what} needs to know the current app. Use it inside a request, or push an app "
        + "context first: using (app.AppContext()) { ... }.");
}
