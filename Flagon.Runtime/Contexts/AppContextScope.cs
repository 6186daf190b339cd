namespace Flagon.Contexts;

/// <summary>
/// An app context pushed by <see cref="App.AppContext"/>: inside it, <c>UrlFor</c> and <c>Url.For</c> use that
/// app. Dispose it (a <c>using</c> block) to pop it; contexts nest like Flask's.
/// </summary>
public sealed class AppContextScope : IDisposable
{
    private readonly App? previousApp;
    private readonly Microsoft.AspNetCore.Http.HttpContext? previousRequest;
    private bool popped;

    internal AppContextScope(App app)
    {
        previousApp = CurrentScope.App;
        previousRequest = CurrentScope.Request;
        CurrentScope.App = app;
        CurrentScope.Request = null;
    }

    /// <summary>Pops the context, restoring the one that was current before.</summary>
    public void Dispose()
    {
        if (!popped)
        {
            popped = true;
            CurrentScope.App = previousApp;
            CurrentScope.Request = previousRequest;
        }
    }
}
