using Flagon.Blueprints;
using Microsoft.AspNetCore.Http;

namespace Flagon.Contexts;

/// <summary>
/// One pushed context: the app, and for a request its HttpContext, what its URL matched, the response being made,
/// and the request's <c>g</c>. Contexts form a stack through <see cref="Parent"/>, like Flask's.
/// </summary>
internal sealed class Scope
{
    public Scope(App app, HttpContext? http, Scope? parent)
    {
        App = app;
        this.http = http;
        if (parent is not null)
        {
            // A context pushed inside another (a test request context in an app context): rare on a server.
            Rarely.Parent = parent;
        }
    }

    // The HttpContext, or once the Request wrapper was asked for, that wrapper (which holds the HttpContext): one
    // field for both keeps every request's context one field smaller.
    private object? http;
    private ContextGlobals? g;

    public App App { get; }

    /// <summary>The request's HttpContext; null for an app context.</summary>
    public HttpContext? Http => http is Http.Request request ? request.Context : System.Runtime.CompilerServices.Unsafe.As<HttpContext?>(http);

    /// <summary>The context this one was pushed inside, or null.</summary>
    public Scope? Parent => rare?.Parent;

    /// <summary>What the request's URL matched (Flask matches when it pushes the request context); a field, read by reference.</summary>
    public Dispatch.RequestRoute Route;

    /// <summary>The blueprint whose rule matched (Flask's <c>request.blueprint</c>), or null.</summary>
    public BlueprintMount? Blueprint => Route.Blueprint;

    /// <summary>That blueprint and its parents, innermost first (Flask's <c>request.blueprints</c>): whose hooks run.</summary>
    public BlueprintMount[] Blueprints => Route.Blueprint?.Chain ?? [];

    /// <summary>
    /// Whose error handlers are asked: the matched blueprint's chain, or for a URL no rule took, the chain of the
    /// blueprint with the longest prefix it lies under (Flagon's addition: a blueprint's 404 page for its own URLs).
    /// </summary>
    public BlueprintMount[] ErrorBlueprints => (Route.Blueprint ?? Route.Owner)?.Chain ?? [];

    // What few requests need, in an object made on first use: the context stays small for the others.
    private sealed class Rare
    {
        public Scope? Parent;
        public Exception? Error;
        public byte[]? Body;
        public List<Func<Response, Response>>? AfterThisRequest;
        public List<Sessions.FlashedMessage>? Flashes;
    }

    private Rare? rare;

    private Rare Rarely => rare ??= new Rare();

    /// <summary>The exception that ended the request, for the teardown functions; null when handled.</summary>
    public Exception? Error
    {
        get => rare?.Error;
        set
        {
            if (value is not null || rare is not null)
            {
                Rarely.Error = value;
            }
        }
    }

    /// <summary>The body, when Flagon read it before the view (JSON and other non-form bodies).</summary>
    public byte[]? Body
    {
        get => rare?.Body;
        set => Rarely.Body = value;
    }

    /// <summary>The response a view, hook or handler made, waiting to be finalized (null on the fast path).</summary>
    public Response? Pending { get; set; }

    /// <summary>Takes <see cref="Pending"/>.</summary>
    public Response? TakePending()
    {
        var pending = Pending;
        Pending = null;
        return pending;
    }

    /// <summary>The functions <c>AfterThisRequest</c> registered, in order.</summary>
    public List<Func<Response, Response>>? AfterThisRequest
    {
        get => rare?.AfterThisRequest;
        set => Rarely.AfterThisRequest = value;
    }

    /// <summary>
    /// Whether a response must be made as an object before it is written: something will look at it (an after hook of
    /// the app or of the request's blueprints, an after_this_request function, the session to save, a
    /// request_finished listener, an overridden ProcessResponseAsync). Otherwise a view's value is written directly.
    /// </summary>
    public bool MakesResponseObject
    {
        get
        {
            if (App.ProcessesEveryResponse || AfterThisRequest is not null || session is not null
                || (Http!.Request.Headers.Cookie.Count > 0 && App.SessionSettings.RefreshEachRequest))
            {
                // A request with cookies may carry a permanent session to refresh, as Flask does on every request.
                return true;
            }
            var chain = Blueprints;
            for (int i = 0; i < chain.Length; i++)
            {
                if (chain[i].Table.Scaffold.HasAfterRequest)
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// The matched rule's variables and the text the URL gave them, with the rule's defaults (Flask's
    /// <c>request.view_args</c>: Werkzeug adds a rule's defaults to the values it matched).
    /// </summary>
    public IReadOnlyDictionary<string, string> ViewArgs
    {
        get
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Route.Rule is { } rule && Http is not null)
            {
                foreach (var (name, value) in rule.Defaults)
                {
                    values[name] = value;
                }
                var path = (Http.Request.Path.Value ?? string.Empty).AsSpan(Route.Blueprint?.Prefix.Length ?? 0);
                for (int i = 0; i < rule.Variables.Count && i < Routing.RouteValueRanges.Capacity; i++)
                {
                    values[rule.Variables[i]] = Routing.Converters.ToValue(path[Route.ValueRange(i)]);
                }
            }
            return values;
        }
    }

    /// <summary>The request wrapper, made on first use.</summary>
    public Http.Request? Request => http switch
    {
        Http.Request request => request,
        null => null,
        _ => (Http.Request)(http = new Http.Request(System.Runtime.CompilerServices.Unsafe.As<HttpContext>(http), this)),
    };

    private Sessions.Session? session;

    /// <summary>
    /// The client's session, read from its cookie on first use, and marked as used (so the response varies on
    /// <c>Cookie</c>). Read first after the response started (in a streamed body), it is read-only: its cookie can no
    /// longer be sent.
    /// </summary>
    public Sessions.Session? Session
    {
        get
        {
            if (PeekSession() is { } used)
            {
                used.Accessed = true;
            }
            return session;
        }
    }

    /// <summary>The session, read from its cookie if need be, without marking it used (to refresh a permanent one).</summary>
    public Sessions.Session? PeekSession()
    {
        if (Http is null)
        {
            return null;
        }
        if (session is null)
        {
            session = Sessions.Session.Load(Http, App.SessionSettings);
            if (Http.Response.HasStarted)
            {
                session.Seal();
            }
        }
        return session;
    }

    /// <summary>Whether the session was used (and so may need saving).</summary>
    public bool SessionLoaded => session is not null;

    /// <summary>The flashed messages taken from the session by the first GetFlashedMessages call of this request.</summary>
    public List<Sessions.FlashedMessage>? Flashes
    {
        get => rare?.Flashes;
        set => Rarely.Flashes = value;
    }

    /// <summary>Flask's <c>g</c>: one per pushed context, made on first use.</summary>
    public ContextGlobals G => g ??= Parent is { } parent && ReferenceEquals(parent.App, App) ? parent.G : new ContextGlobals();
}

/// <summary>
/// The current <see cref="Scope"/> of the logical flow: one AsyncLocal, so it follows <c>await</c>, does not leak
/// between concurrent requests, and costs one execution-context change per request.
/// </summary>
internal static class CurrentScope
{
    private static readonly AsyncLocal<Scope?> current = new();

    public static Scope? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    public static App? App => current.Value?.App;

    public static HttpContext? Request => current.Value?.Http;

    public static BlueprintMount? Blueprint => current.Value?.Blueprint;
}
