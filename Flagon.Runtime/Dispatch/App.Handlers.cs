using Flagon.Dispatch;
using Flagon.Http;

namespace Flagon;

// Registering hooks and error handlers in code (Flask's app.before_request(f), app.register_error_handler(...)), beside
// the attributes: both go to the app's Scaffold, in the order they are registered.
public partial class App
{
    private readonly Scaffold scaffold = new();
    private readonly OverriddenSteps overriddenSteps;

    /// <summary>The app's own request hooks and error handlers (Flask's Scaffold): its attributes' and those added in code.</summary>
    internal Scaffold Scaffold => scaffold;

    /// <summary>Whether every response must be made as an object (see the dispatch chain's fast path).</summary>
    internal bool ProcessesEveryResponse => scaffold.HasAfterRequest || RequestFinished is not null || overriddenSteps.ProcessResponse;

    /// <summary>
    /// Adds a before-request hook (Flask's <c>app.before_request(f)</c>): it runs before every request's view, after
    /// the <c>[BeforeRequest]</c> methods registered before it; a non-null response answers the request instead.
    /// </summary>
    /// <example><code>app.BeforeRequest(() => Request.Headers.ContainsKey("X-Key") ? null : new Response("no key", 401));</code></example>
    public App BeforeRequest(Func<Response?> hook)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(hook);
        scaffold.AddBeforeRequest(_ => new ValueTask<Response?>(hook()));
        return this;
    }

    /// <summary>Adds an asynchronous before-request hook (a distinct name: a lambda returning null would fit both).</summary>
    public App BeforeRequestAsync(Func<Task<Response?>> hook)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(hook);
        scaffold.AddBeforeRequest(_ => new ValueTask<Response?>(hook()));
        return this;
    }

    /// <summary>
    /// Adds an after-request hook (Flask's <c>app.after_request(f)</c>): it receives every response before it is
    /// written and returns it (changed) or another. After hooks run in reverse registration order.
    /// </summary>
    public App AfterRequest(Func<Response, Response> hook)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(hook);
        scaffold.AddAfterRequest((_, response) => new ValueTask<Response>(hook(response)));
        return this;
    }

    /// <summary>Adds an asynchronous after-request hook.</summary>
    public App AfterRequestAsync(Func<Response, Task<Response>> hook)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(hook);
        scaffold.AddAfterRequest((_, response) => new ValueTask<Response>(hook(response)));
        return this;
    }

    /// <summary>
    /// Adds a teardown hook (Flask's <c>app.teardown_request(f)</c>): it runs when every request ends, whatever
    /// happened, with the exception no handler took (or null).
    /// </summary>
    public App TeardownRequest(Action<Exception?> hook)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(hook);
        scaffold.AddTeardownRequest((_, error) =>
        {
            hook(error);
            return ValueTask.CompletedTask;
        });
        return this;
    }

    /// <summary>
    /// Handles an HTTP error status (Flask's <c>app.register_error_handler(404, f)</c>); replaces the handler the status
    /// had.
    /// </summary>
    /// <example><code>app.RegisterErrorHandler(404, e => new Response("Nothing here", e.Code));</code></example>
    public App RegisterErrorHandler(int code, Func<HttpError, Response> handler)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(handler);
        scaffold.AddErrorHandler(code, (context, error) => ResponseWriter.WriteResponse(context, handler((HttpError)error)));
        return this;
    }

    /// <summary>
    /// Handles exceptions of <typeparamref name="TException"/> and its subclasses (Flask's
    /// <c>app.register_error_handler(KeyError, f)</c>); <c>RegisterErrorHandler&lt;HttpError&gt;</c> takes every HTTP
    /// error no status handler takes.
    /// </summary>
    public App RegisterErrorHandler<TException>(Func<TException, Response> handler)
        where TException : Exception
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(handler);
        scaffold.AddErrorHandler(typeof(TException), (context, error) => ResponseWriter.WriteResponse(context, handler((TException)error)));
        return this;
    }

    /// <summary>
    /// Adds a URL value preprocessor (Flask's <c>app.url_value_preprocessor</c>): before the before-request hooks, it
    /// receives the matched endpoint (null when no rule matched) and the values the URL gave the rule's variables, e.g.
    /// to keep a language code in <c>G</c>. The values are a copy: the view still receives its rule's values, since its
    /// parameters are bound by generated code.
    /// </summary>
    /// <example><code>app.UrlValuePreprocessor((endpoint, values) => { if (values.TryGetValue("lang", out var lang)) G["lang"] = lang; });</code></example>
    public App UrlValuePreprocessor(Action<string?, IDictionary<string, string>> preprocessor)
    {
        CheckSetup();
        scaffold.AddUrlValuePreprocessor(preprocessor);
        return this;
    }

    /// <summary>
    /// Adds a URL defaults function (Flask's <c>app.url_defaults</c>): <c>Url.For</c> (and templates' <c>url_for</c>)
    /// call it with the endpoint and the values before building, so it may add the values the current request implies,
    /// e.g. the language code. Typed <c>UrlFor</c> methods take their values explicitly and do not call it.
    /// </summary>
    /// <example><code>app.UrlDefaults((endpoint, values) => values.TryAdd("lang", G.Get&lt;string&gt;("lang", null)));</code></example>
    public App UrlDefaults(Action<string, IDictionary<string, object?>> defaults)
    {
        CheckSetup();
        scaffold.AddUrlDefaults(defaults);
        return this;
    }

    /// <summary>The values <c>Url.For</c> builds with: <paramref name="values"/> with the url_defaults functions' additions.</summary>
    internal IReadOnlyDictionary<string, object?> InjectUrlDefaults(string endpoint, IReadOnlyDictionary<string, object?> values)
    {
        var functions = scaffold.UrlDefaultFuncs;
        if (functions.Length == 0)
        {
            return values;
        }
        var copy = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        foreach (var function in functions)
        {
            function(endpoint, copy);
        }
        return copy;
    }
}
