namespace Flagon;

/// <summary>
/// A Flagon extension, the way the seed's slides 39–43 describe Flask's: one object that can serve several apps,
/// set up per app in <see cref="InitApp"/>, which stores what it made for that app in <see cref="App.Extensions"/>
/// (and never keeps the app itself).
/// </summary>
/// <example>
/// <code>
/// public sealed class Counter : IExtension
/// {
///     public void InitApp(App app) => app.Extensions["counter"] = new StrongBox&lt;int&gt;();
///     public int Next() => ++((StrongBox&lt;int&gt;)Globals.CurrentApp.Extensions["counter"]).Value;
/// }
///
/// var counter = new Counter();
/// counter.InitApp(backend);
/// counter.InitApp(frontend);
/// </code>
/// </example>
public interface IExtension
{
    /// <summary>Sets the extension up for <paramref name="app"/>.</summary>
    void InitApp(App app);
}
