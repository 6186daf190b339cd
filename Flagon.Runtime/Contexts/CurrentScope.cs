using Microsoft.AspNetCore.Http;

namespace Flagon.Contexts;

/// <summary>
/// One pushed context: the app, and for a request its HttpContext and the blueprint whose view handles it.
/// </summary>
internal sealed class Scope(App app, HttpContext? request)
{
    public App App { get; } = app;

    public HttpContext? Request { get; } = request;

    /// <summary>Set by dispatch once the request's blueprint is known.</summary>
    public Blueprints.BlueprintMount? Blueprint { get; set; }
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

    public static HttpContext? Request => current.Value?.Request;

    public static Blueprints.BlueprintMount? Blueprint => current.Value?.Blueprint;
}
