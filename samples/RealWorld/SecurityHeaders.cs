using Microsoft.AspNetCore.Http;

namespace RealWorld;

/// <summary>
/// The headers every answer of the site carries, set before anything else runs: the pages load nothing from other
/// origins and may not be framed (Content-Security-Policy with frame-ancestors), browsers do not guess content types
/// (X-Content-Type-Options), and other sites see only the origin in Referer (Referrer-Policy). The API reference page
/// (/api/docs, Scalar's) runs its own scripts and styles, so its policy only forbids framing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of the site's own pages.</summary>
    public const string PagePolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of the API reference page.</summary>
    public const string ReferencePolicy = "frame-ancestors 'none'";

    /// <summary>Middleware: adds the headers, then runs the rest of the pipeline.</summary>
    public static Task Add(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ReferencePolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    }
}
