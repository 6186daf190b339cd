using Microsoft.AspNetCore.Http;

namespace Flagon.Contexts;

/// <summary>
/// One pushed context: the app, and for a request its HttpContext, the blueprint whose view handles it, and the
/// request's <c>g</c>. Contexts form a stack through <see cref="Parent"/>, like Flask's.
/// </summary>
internal sealed class Scope(App app, HttpContext? http, Scope? parent)
{
    private Http.Request? request;
    private ContextGlobals? g;

    public App App { get; } = app;

    public HttpContext? Http { get; } = http;

    public Scope? Parent { get; } = parent;

    /// <summary>Set by dispatch once the request's blueprint is known.</summary>
    public Blueprints.BlueprintMount? Blueprint { get; set; }

    /// <summary>The exception that ended the request, for the teardown hooks.</summary>
    public Exception? Error { get; set; }

    /// <summary>The body, when Flagon read it before the view (JSON and other non-form bodies).</summary>
    public byte[]? Body { get; set; }

    /// <summary>The request wrapper, made on first use.</summary>
    public Http.Request? Request => Http is null ? null : request ??= new Http.Request(Http, this);

    private Sessions.Session? session;

    /// <summary>The client's session, read from its cookie on first use.</summary>
    public Sessions.Session? Session => Http is null ? null : session ??= Sessions.Session.Load(Http, App.SessionSettings);

    /// <summary>Whether the session was used (and so may need saving).</summary>
    public bool SessionLoaded => session is not null;

    /// <summary>The flashed messages taken from the session by the first GetFlashedMessages call of this request.</summary>
    public List<Sessions.FlashedMessage>? Flashes { get; set; }

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

    public static Blueprints.BlueprintMount? Blueprint => current.Value?.Blueprint;
}
