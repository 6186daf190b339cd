using Flagon.Blueprints;
using Flagon.Contexts;
using Flagon.Dispatch;
using Flagon.Routing;
using Microsoft.AspNetCore.Http;

namespace Flagon;

// Matching a request to a rule: Werkzeug's MapAdapter.match over the app's tables and its mounted blueprints, when the
// request context is made. With middleware in front of the views, Flagon's routing middleware matched first, to set the
// endpoint that middleware reads (App.Host.cs); without any, this is the only match and it sets the endpoint itself.
public partial class App
{
    /// <summary>Makes the request context of <paramref name="context"/> and matches its URL.</summary>
    internal Scope MatchRequest(HttpContext context) => MatchRequest(context, context.Request.Path.Value ?? string.Empty);

    /// <summary>Makes the request context of <paramref name="context"/> and matches <paramref name="path"/>, its path under the app's mount.</summary>
    internal Scope MatchRequest(HttpContext context, string path)
    {
        var scope = new Scope(this, context, CurrentScope.Current);
        Match(path, context.Request.Method, ref scope.Route);
        if (servesWithoutMiddleware && scope.Route.Table is { } table)
        {
            context.SetEndpoint(EndpointFor(table, scope.Route.Blueprint, scope.Route.RuleIndex));
        }
        return scope;
    }

    /// <summary>Matches <paramref name="path"/> (Werkzeug's MapAdapter.match), into <paramref name="route"/>.</summary>
    private void Match(string path, string method, ref RequestRoute route) => router.Match(path, method, ref route);

    /// <summary>The error that a URL no rule took raises (Werkzeug's routing exceptions): a 308 redirect, a 405 or a 404.</summary>
    private static HttpError RoutingError(HttpContext context, in RequestRoute route)
    {
        var request = context.Request;
        if (route.Details is not { } miss)
        {
            return new HttpError(StatusCodes.Status404NotFound);
        }
        if (miss.Redirect)
        {
            return new RequestRedirect($"{request.PathBase}{request.Path}/{request.QueryString}");
        }
        if (miss.MergedPath is { } merged)
        {
            return new RequestRedirect($"{request.PathBase}{new PathString(merged)}{request.QueryString}");
        }
        if (miss.Allowed is { } allowed)
        {
            return new MethodNotAllowed(allowed);
        }
        return new HttpError(StatusCodes.Status404NotFound);
    }

    // The method first: a GET or HEAD (most requests) is answered without looking the two headers up.
    private static bool NeedsBody(HttpRequest request)
    {
        var method = request.Method;
        return !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0);
    }

    /// <summary>The body size limit (Flask's <c>MAX_CONTENT_LENGTH</c>): 16 MB unless configured.</summary>
    private long MaxContentLength => long.TryParse(Config["MAX_CONTENT_LENGTH"], out var configured) ? configured : 16 * 1024 * 1024;

    /// <summary>
    /// Reads the form, or the raw body, up to MAX_CONTENT_LENGTH, declared or not (a chunked body is counted as it
    /// comes): a 413 past it, a 400 if it cannot be read.
    /// </summary>
    private async Task ReadBodyAsync(HttpContext context, Scope scope)
    {
        long limit = MaxContentLength;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            throw new HttpError(StatusCodes.Status413PayloadTooLarge);
        }
        var body = request.Body;
        request.Body = new Http.BodyLimitStream(body, limit);
        try
        {
            if (request.HasFormContentType)
            {
                await request.ReadFormAsync(context.RequestAborted);
                return;
            }
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            scope.Body = buffer.ToArray();
        }
        catch (Http.BodyTooLargeException)
        {
            throw new HttpError(StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own limit (Kestrel's MaxRequestBodySize) came first.
            throw new HttpError(StatusCodes.Status413PayloadTooLarge, innerException: ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            throw new HttpError(StatusCodes.Status400BadRequest, innerException: ex);
        }
        finally
        {
            request.Body = body;
        }
    }
}
