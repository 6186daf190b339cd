using Microsoft.AspNetCore.Http;

namespace Flagon.Contexts;

/// <summary>
/// A request context made by <see cref="App.TestRequestContext"/> (Flask's <c>app.test_request_context()</c>),
/// pushed when made: inside it, <c>Request</c>, <c>G</c>, <c>CurrentApp</c> and <c>UrlFor</c> work as in a view.
/// </summary>
/// <example>
/// <code>
/// using (app.TestRequestContext("/page/1?x=y"))
/// {
///     Console.WriteLine(Globals.Request);   // &lt;Request 'http://localhost/page/1?x=y' [GET]&gt;
/// }
///
/// var ctx = app.TestRequestContext();       // the seed's shell session
/// ctx.Push();
/// ...
/// ctx.Pop();
/// </code>
/// </example>
public sealed class RequestContext : IDisposable
{
    private readonly ContextHandle handle;

    internal RequestContext(App app, HttpContext http) => handle = new ContextHandle(new Scope(app, http, CurrentScope.Current));

    /// <summary>
    /// Whether a request context is active on this flow (<see cref="Globals.HasRequestContext"/>, Flask's
    /// <c>has_request_context()</c>). Code inside <c>if (RequestContext.IsActive)</c> may use the request; the
    /// analyzers know it.
    /// </summary>
    public static bool IsActive => Globals.HasRequestContext;

    /// <summary>The request of this context.</summary>
    public Http.Request Request => handle.Scope.Request!;

    /// <summary>Pushes the context again if it was popped; pushing a pushed context does nothing.</summary>
    public void Push() => handle.Push();

    /// <summary>Pops the context, making the one below it current again.</summary>
    public void Pop() => handle.Pop();

    /// <summary>Pops the context if it is pushed.</summary>
    public void Dispose() => handle.Pop();
}
