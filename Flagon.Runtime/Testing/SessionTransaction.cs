using Flagon.Sessions;
using Microsoft.AspNetCore.Http;

namespace Flagon.Testing;

/// <summary>
/// Reads and changes the test client's session between requests (Flask's <c>client.session_transaction()</c>): the
/// session comes from the client's cookie; when the transaction is disposed, changes go back into the cookie.
/// </summary>
/// <example>
/// <code>
/// using (var session = client.SessionTransaction())
/// {
///     session["user"] = "alice";
/// }
/// var page = await client.Get("/profile");   // the view sees Session["user"] == "alice"
/// </code>
/// </example>
public sealed class SessionTransaction : IDisposable
{
    private readonly HttpContext context;
    private readonly SessionSettings settings;
    private readonly Action<IEnumerable<string>> storeCookies;
    private bool disposed;

    internal SessionTransaction(HttpContext context, SessionSettings settings, Action<IEnumerable<string>> storeCookies)
    {
        this.context = context;
        this.settings = settings;
        this.storeCookies = storeCookies;
        Session = Session.Load(context, settings);
    }

    /// <summary>The session as the next request will see it.</summary>
    public Session Session { get; }

    /// <summary>The session's value under <paramref name="key"/>, or null; setting null removes it.</summary>
    public string? this[string key]
    {
        get => Session[key];
        set => Session[key] = value;
    }

    /// <summary>Writes the changed session into the client's cookie.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        var response = new Response();
        Session.Save(context, response, settings);
        storeCookies(response.Headers.SetCookie.Where(c => c is not null)!);
    }
}
