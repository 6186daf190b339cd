using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Flagon.Http;

/// <summary>
/// The default body of an HTTP error: a small HTML page with Werkzeug's wording, so a Flask user
/// recognises it.
/// </summary>
internal static class ErrorPages
{
    /// <summary>Werkzeug's name and description of a status code.</summary>
    public static (string Name, string Description) Describe(int status) => status switch
    {
        400 => ("Bad Request", "The browser (or proxy) sent a request that this server could not understand."),
        401 => ("Unauthorized", "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required."),
        403 => ("Forbidden", "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server."),
        404 => ("Not Found", "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."),
        308 => ("Permanent Redirect", string.Empty),
        405 => ("Method Not Allowed", "The method is not allowed for the requested URL."),
        500 => ("Internal Server Error", "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application."),
        _ => (ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error", string.Empty),
    };

    /// <summary>Renders Werkzeug's HTML page for an error: its status, name and description.</summary>
    public static string Render(int status, string name, string description)
    {
        // Werkzeug's get_description: markupsafe's escape, and each line break a <br>.
        name = Templates.HtmlEscape.Instance.Encode(name);
        description = Templates.HtmlEscape.Instance.Encode(description).Replace("\n", "<br>", StringComparison.Ordinal);
        return $"""
            <!doctype html>
            <html lang=en>
            <title>{status} {name}</title>
            <h1>{name}</h1>
            <p>{description}</p>

            """;
    }

    /// <summary>Werkzeug's small page for a redirect to <paramref name="location"/>.</summary>
    public static string RedirectPage(string location)
    {
        var encoded = Templates.HtmlEscape.Instance.Encode(location);
        return $"""
            <!doctype html>
            <html lang=en>
            <title>Redirecting...</title>
            <h1>Redirecting...</h1>
            <p>You should be redirected automatically to the target URL: <a href="{encoded}">{encoded}</a>. If not, click the link.

            """;
    }
}
