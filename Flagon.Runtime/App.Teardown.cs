using Flagon.Contexts;
using Microsoft.Extensions.Logging;

namespace Flagon;

public partial class App
{
    private Action<Exception?>[] appContextTeardowns = [];

    /// <summary>
    /// Registers a function to run whenever an app context of this app ends (Flask's <c>teardown_appcontext</c>):
    /// after every request, and when a context pushed with <see cref="AppContext"/> or <see cref="TestRequestContext"/>
    /// is popped. It receives the exception that ended the request, if any. Extensions use it to close what they
    /// opened for the context (a connection kept in <c>G</c>); a failing teardown is logged, and the others still run.
    /// </summary>
    /// <param name="teardown">The function; it runs inside the ending context, so <c>G</c> still holds its values.</param>
    /// <returns>This app.</returns>
    public App TeardownAppContext(Action<Exception?> teardown)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(teardown);
        lock (Instances)
        {
            appContextTeardowns = [.. appContextTeardowns, teardown];
        }
        return this;
    }

    /// <summary>Runs the app-context teardowns for <paramref name="scope"/> if it is an app context of its own.</summary>
    internal void TeardownAppContext(Scope scope)
    {
        var teardowns = appContextTeardowns;
        if (ReferenceEquals(scope.Parent?.App, this))
        {
            // A request context inside an app context of the same app shares it, as in Flask.
            return;
        }
        // Flask's do_teardown_appcontext: the last registered first, every one even when another throws.
        for (int i = teardowns.Length - 1; i >= 0; i--)
        {
            try
            {
                teardowns[i](scope.Error);
            }
            catch (Exception ex)
            {
                Logger.LogError(ex, "An app context teardown function of {App} failed", Name);
            }
        }
        OnAppContextTearingDown(scope.Error);
    }
}
