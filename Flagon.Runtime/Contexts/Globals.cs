using Flagon.Contexts;
using Flagon.Http;

namespace Flagon;

/// <summary>
/// Flask's context-local globals: <c>request</c>, <c>g</c>, <c>current_app</c>. Bring them in with
/// <c>using static Flagon.Globals;</c>. Outside their context they throw <see cref="OutsideContextException"/>.
/// </summary>
/// <example>
/// <code>
/// using static Flagon.Globals;
///
/// [Route("/page/&lt;int:pk&gt;")]
/// public static string Page(int pk) => $"Page #{pk} @ {Request.Host}";
/// </code>
/// </example>
public static partial class Globals
{
    /// <summary>The current request (Flask's <c>request</c>); needs a request context.</summary>
    [NeedsRequestContext]
    public static Request Request => CurrentScope.Current?.Request ?? throw OutsideContextException.Request("Request");

    /// <summary>The client's session (Flask's <c>session</c>), kept in a protected cookie; needs a request context.</summary>
    [NeedsRequestContext]
    public static Sessions.Session Session => CurrentScope.Current?.Session ?? throw OutsideContextException.Request("Session");

    /// <summary>The current context's bag (Flask's <c>g</c>); needs an app context (every request has one).</summary>
    [NeedsAppContext]
    public static ContextGlobals G => CurrentScope.Current?.G ?? throw OutsideContextException.App("G");

    /// <summary>The app handling the current request or pushed with <c>app.AppContext()</c> (Flask's <c>current_app</c>).</summary>
    [NeedsAppContext]
    public static App CurrentApp => CurrentScope.App ?? throw OutsideContextException.App("CurrentApp");

    /// <summary>The blueprint registration handling the current request, or null for the app's own views (Flask's <c>request.blueprint</c>).</summary>
    [NeedsRequestContext]
    public static BlueprintInfo? CurrentBlueprint =>
        CurrentScope.Current is { } scope
            ? scope.Blueprint is { } mount ? new BlueprintInfo(mount) : null
            : throw OutsideContextException.Request("CurrentBlueprint");

    /// <summary>Whether a request context is active (Flask's <c>has_request_context()</c>).</summary>
    public static bool HasRequestContext => CurrentScope.Current?.Http is not null;

    /// <summary>Whether an app context is active (Flask's <c>has_app_context()</c>).</summary>
    public static bool HasAppContext => CurrentScope.Current is not null;

    /// <summary>An explicit response (Flask's <c>make_response</c>), to change before returning it.</summary>
    public static Response MakeResponse(string? body = null, int status = 200, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        new(body, status, headers);

    /// <summary>A redirect to <paramref name="location"/> (Flask's <c>redirect</c>): 302 unless told otherwise, with Werkzeug's small page.</summary>
    /// <param name="location">A path, a relative reference, or an absolute URL of this site (what <c>Url.For(…, external: true)</c> builds).</param>
    /// <param name="code">The redirect status: 301, 302, 303, 307 or 308.</param>
    /// <param name="allowOtherOrigins">
    /// Whether <paramref name="location"/> may lead to another site (a login provider, a payment page). Off by default,
    /// unlike Flask: a redirect to a URL the client chose (<c>next=</c>) is then refused instead of being an open redirect.
    /// </param>
    /// <exception cref="ArgumentException">The location holds a line break, or leads to another site without <paramref name="allowOtherOrigins"/>.</exception>
    public static Response Redirect(string location, int code = 302, bool allowOtherOrigins = false)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A redirect location cannot hold a line break (it would split the Location header).", nameof(location));
        }
        if (!allowOtherOrigins && !Url.IsLocal(location) && !IsThisOrigin(location))
        {
            throw new ArgumentException(
                $"Redirect('{location}') leads to another site. A URL from the client (a next= parameter) is an open redirect: "
                + "check it with Url.IsLocal first; to send the user elsewhere on purpose, pass allowOtherOrigins: true.", nameof(location));
        }
        // Werkzeug's redirect() makes the location a URI: non-ASCII text (an IRI) percent-encoded as UTF-8.
        // The page shows the location as given, and links to the URI (Werkzeug's display_location).
        var uri = Generators.Shared.UrlQuoting.IriToUri(location);
        var response = new Response(Http.ErrorPages.RedirectPage(uri, display: location), code);
        response.Headers.Location = uri;
        return response;
    }

    // An absolute URL of this site: the origin external URLs are built with (PUBLIC_ORIGIN, else the request's).
    private static bool IsThisOrigin(string location)
    {
        if (!HasAppContext || Url.SchemeLength(location) == 0)
        {
            return false;
        }
        string origin;
        try
        {
            origin = Routing.UrlContext.Origin();
        }
        catch (InvalidOperationException)
        {
            return false;   // outside a request, with no configured origin
        }
        return location.StartsWith(origin, StringComparison.OrdinalIgnoreCase)
            && (location.Length == origin.Length || location[origin.Length] is '/' or '?' or '#');
    }

    /// <summary>
    /// A JSON response (Flask's <c>jsonify</c>): <paramref name="value"/> written with the current app's
    /// <see cref="App.JsonOptions"/> (web defaults outside an app), <c>application/json</c>.
    /// </summary>
    /// <param name="value">The value; under Native AOT its type must be in a JsonSerializerContext of the options.</param>
    /// <param name="status">The status code.</param>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Types resolve through App.JsonOptions, to which AOT apps add their JsonSerializerContext.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Types resolve through App.JsonOptions, to which AOT apps add their JsonSerializerContext.")]
    public static Response Json<T>(T value, int status = 200)
    {
        var options = CurrentScope.App?.JsonOptions ?? System.Text.Json.JsonSerializerOptions.Web;
        return new Response(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, options.GetTypeInfo(typeof(T))), status, "application/json");
    }

    /// <summary>
    /// Keeps a message for the next request that shows messages (Flask's <c>flash</c>): it waits in the session
    /// until <see cref="GetFlashedMessages"/> takes it.
    /// </summary>
    /// <param name="message">The text.</param>
    /// <param name="category">Its category: <c>message</c>, or e.g. <c>error</c>, <c>info</c>, <c>warning</c>.</param>
    /// <exception cref="OutsideContextException">Called outside a request.</exception>
    [NeedsRequestContext]
    public static void Flash(string message, string category = "message")
    {
        Session.Flash(message, category);
        CurrentScope.App?.OnMessageFlashed(new Sessions.FlashedMessage(category, message));
    }

    /// <summary>
    /// Runs <paramref name="function"/> on this request's response, before the after-request hooks (Flask's
    /// <c>after_this_request</c>): it returns the response, changed, or another. For what only one view needs, such as
    /// a cookie.
    /// </summary>
    /// <example>
    /// <code>
    /// AfterThisRequest(response => { response.SetCookie("seen", "1"); return response; });
    /// </code>
    /// </example>
    /// <exception cref="OutsideContextException">Called outside a request.</exception>
    [NeedsRequestContext]
    public static void AfterThisRequest(Func<Response, Response> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var scope = CurrentScope.Current is { Http: not null } current ? current : throw OutsideContextException.Request("AfterThisRequest");
        (scope.AfterThisRequest ??= []).Add(function);
    }

    /// <summary>
    /// The messages flashed so far, oldest first (Flask's <c>get_flashed_messages()</c>): taken out of the session
    /// by the first call of a request; later calls in the same request see the same messages.
    /// </summary>
    /// <param name="categoryFilter">Only these categories; every message when empty.</param>
    /// <exception cref="OutsideContextException">Called outside a request.</exception>
    [NeedsRequestContext]
    public static IReadOnlyList<string> GetFlashedMessages(params string[] categoryFilter) =>
        [.. GetFlashedMessagesWithCategories(categoryFilter).Select(f => f.Message)];

    /// <summary>
    /// The messages flashed so far with their categories (Flask's <c>get_flashed_messages(with_categories=True)</c>).
    /// </summary>
    /// <param name="categoryFilter">Only these categories; every message when empty.</param>
    /// <exception cref="OutsideContextException">Called outside a request.</exception>
    [NeedsRequestContext]
    public static IReadOnlyList<Sessions.FlashedMessage> GetFlashedMessagesWithCategories(params string[] categoryFilter)
    {
        var scope = CurrentScope.Current is { Http: not null } current ? current : throw OutsideContextException.Request("GetFlashedMessages");
        scope.Flashes ??= scope.Session!.TakeFlashes();
        return categoryFilter.Length == 0 ? scope.Flashes : [.. scope.Flashes.Where(f => categoryFilter.Contains(f.Category))];
    }

    /// <summary>Stops the request with an HTTP error (Flask's <c>abort(404)</c>): its error handler, or Werkzeug's page, answers.</summary>
    /// <exception cref="HttpError">Always.</exception>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Abort(int code, string? description = null) => throw new HttpError(code, description);

    /// <summary>
    /// Stops the request with <paramref name="response"/> as the answer (Werkzeug's <c>abort(response)</c>); a handler
    /// for its status, if any, still runs.
    /// </summary>
    /// <exception cref="HttpError">Always.</exception>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Abort(Response response) => throw new HttpError(response);
}
