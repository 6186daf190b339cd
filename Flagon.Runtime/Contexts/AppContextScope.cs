namespace Flagon.Contexts;

/// <summary>
/// An app context (Flask's <c>app.app_context()</c>), pushed when made by <see cref="App.AppContext"/>: inside it,
/// <c>CurrentApp</c>, <c>G</c>, <c>UrlFor</c> and <c>Url.For</c> work. Dispose it (a <c>using</c> block) or
/// <see cref="Pop"/> it; contexts nest like Flask's.
/// </summary>
public sealed class AppContextScope : IDisposable
{
    private readonly ContextHandle handle;

    internal AppContextScope(App app) => handle = new ContextHandle(new Scope(app, null, CurrentScope.Current));

    /// <summary>
    /// Whether an app context is active on this flow (<see cref="Globals.HasAppContext"/>, Flask's
    /// <c>has_app_context()</c>); a request context is one too. Code inside <c>if (AppContextScope.IsActive)</c> may
    /// use the app context; the analyzers know it.
    /// </summary>
    public static bool IsActive => Globals.HasAppContext;

    /// <summary>Pushes the context again if it was popped; pushing a pushed context does nothing.</summary>
    public void Push() => handle.Push();

    /// <summary>Pops the context, making the one below it current again.</summary>
    public void Pop() => handle.Pop();

    /// <summary>Pops the context if it is pushed.</summary>
    public void Dispose() => handle.Pop();
}
