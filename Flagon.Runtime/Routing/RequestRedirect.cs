using Flagon.Http;
using Microsoft.AspNetCore.Http;

namespace Flagon.Routing;

/// <summary>
/// Werkzeug's <c>RequestRedirect</c>: the URL lacks the trailing slash of its rule, or has repeated slashes, so the
/// request is redirected (308) to the canonical URL. A routing answer, not an error: no error handler receives it.
/// </summary>
public sealed class RequestRedirect(string newUrl) : HttpError(StatusCodes.Status308PermanentRedirect)
{
    /// <summary>Where the client is sent.</summary>
    public string NewUrl { get; } = newUrl;

    /// <inheritdoc/>
    public override Response GetResponse()
    {
        var response = new Response(ErrorPages.RedirectPage(NewUrl), Code);
        response.Headers.Location = NewUrl;
        return response;
    }
}
