using Flagon.Contexts;

namespace Flagon.Testing;

/// <summary>
/// A base for test classes (Flask-Testing's <c>TestCase</c> with its <c>create_app</c>): each test gets a new app
/// from <see cref="CreateApp"/>, in testing mode, a <see cref="Client"/> for it, and a request context pushed for the
/// test's own code (so <c>Request</c>, <c>G</c> and <c>UrlFor</c> work in the test body); both are disposed after
/// the test. xunit makes one instance per test and disposes it, which is all this needs.
/// </summary>
/// <example>
/// <code>
/// public class PageTests : FlagonTestCase
/// {
///     protected override App CreateApp() => AppFactory.Create(new Settings { Testing = true });
///
///     [Fact]
///     public async Task Index_answers() => Assert.Equal(200, (await Client.Get(UrlFor.Index())).Status);
/// }
/// </code>
/// </example>
public abstract class FlagonTestCase : IDisposable
{
    private readonly Lazy<TestClient> client;
    private bool disposed;

    /// <summary>Creates the app and pushes the request context.</summary>
    protected FlagonTestCase()
    {
        App = CreateApp();
        App.ConfigFrom([new("TESTING", "true")]);
        client = new Lazy<TestClient>(App.TestClient);
        Context = App.TestRequestContext();
    }

    /// <summary>Makes the app under test (Flask-Testing's <c>create_app</c>): usually the app factory.</summary>
    protected abstract App CreateApp();

    /// <summary>The app of this test.</summary>
    protected App App { get; }

    /// <summary>A test client of <see cref="App"/>, made on first use.</summary>
    protected TestClient Client => client.Value;

    /// <summary>The request context pushed for the test (a GET of <c>/</c>).</summary>
    protected RequestContext Context { get; }

    /// <summary>Pops the context and disposes the client.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Pops the context and disposes the client; override to clean up more, calling this.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }
        disposed = true;
        Context.Pop();
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }
}
