namespace Flagon.Contexts;

/// <summary>
/// An app context pushed by <see cref="App.AppContext"/>: inside it, <c>UrlFor</c> and <c>Url.For</c> use that
/// app. Dispose it (a <c>using</c> block) to pop it; contexts nest like Flask's.
/// </summary>
public sealed class AppContextScope : IDisposable
{
    private readonly Scope? previous;
    private bool popped;

    internal AppContextScope(App app)
    {
        previous = CurrentScope.Current;
        CurrentScope.Current = new Scope(app, null);
    }

    /// <summary>Pops the context, restoring the one that was current before.</summary>
    public void Dispose()
    {
        if (!popped)
        {
            popped = true;
            CurrentScope.Current = previous;
        }
    }
}
