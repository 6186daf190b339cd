using System.Runtime.CompilerServices;
using Flagon;

namespace RealWorld.Extensions;

/// <summary>
/// A Flask-style extension (slides 39-43): one object for every app, set up per app in InitApp, keeping its
/// per-app state in app.Extensions, never the app itself. (Flask-And-Redis would keep a connection there.)
/// </summary>
public sealed class Counter : IExtension
{
    public void InitApp(App app) => app.Extensions["counter"] = new StrongBox<long>();

    /// <summary>Counts a view of the current app's pages (the seed's /counter view).</summary>
    [NeedsAppContext]
    public long Increment() => Interlocked.Increment(ref ((StrongBox<long>)Globals.CurrentApp.Extensions["counter"]).Value);
}
