using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Shell;

/// <summary>
/// What the shell's code sees besides its imports (Flask's shell context): <c>app</c>, the app, and the services of
/// the shell's own scope, for the session's length (so a <c>DbContext</c> lives as long as the shell).
/// </summary>
public sealed class ShellGlobals
{
    internal ShellGlobals(App app, IServiceProvider services)
    {
        this.app = app;
        Services = services;
    }

    /// <summary>The app, as <c>app</c> is in <c>flask shell</c>.</summary>
#pragma warning disable IDE1006 // Flask's name: the shell's users type `app`.
    public App app { get; }
#pragma warning restore IDE1006

    /// <summary>The services of the shell's scope (scoped services live until the shell exits).</summary>
    public IServiceProvider Services { get; }

    /// <summary>A service of the shell's scope: <c>var db = Get&lt;SiteDb&gt;();</c>.</summary>
    /// <exception cref="InvalidOperationException">The app has no such service.</exception>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
