using Flagon.Testing;

namespace Flagon.Runtime.Tests.FlaskConformance;

/// <summary>
/// The app of a ported Flask test: no compiled views of this assembly, only the rules and handlers the test adds, as
/// Flask's <c>app</c> fixture is an empty app. <c>TESTING</c> is off unless a test turns it on, as in the Flask tests
/// that set <c>app.testing = False</c> to see the 500 pages.
/// </summary>
internal sealed class FlaskApp(params string[] args) : App(args, [])
{
    private TestClient? client;

    /// <summary>The test client, made on first use (after the test registered what it needs).</summary>
    public TestClient Client => client ??= TestClient();
}
