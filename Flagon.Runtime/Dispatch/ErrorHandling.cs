using System.Runtime.ExceptionServices;
using Flagon.Dispatch;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flagon;

// The dispatch chain's error steps (Flask's handle_user_exception, handle_http_exception, handle_exception and
// _find_error_handler): which handler answers an exception, and what happens when none does.
public partial class App
{
    /// <summary>
    /// An exception from a hook or a view (Flask's <c>handle_user_exception</c>): an <see cref="HttpError"/> goes to
    /// <see cref="HandleHttpExceptionAsync"/>; another to the error handler registered for its type (or a base type),
    /// looked up in the request's blueprints, innermost first, then the app. With no handler it is raised again, to
    /// <see cref="HandleExceptionAsync"/>.
    /// </summary>
    /// <returns>The handler's response; null when it was written already.</returns>
    protected virtual async ValueTask<Response?> HandleUserExceptionAsync(Exception exception)
    {
        if (exception is HttpError http)
        {
            return await HandleHttpExceptionAsync(http);
        }
        var handler = FindErrorHandler(exception);
        if (handler is null || RequestScope().Http!.Response.HasStarted)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
        return await CallErrorHandlerAsync(handler, exception);
    }

    /// <summary>
    /// An HTTP error (Flask's <c>handle_http_exception</c>): a routing redirect is answered as it is; otherwise the
    /// handler for its status, else for its type (an <see cref="HttpError"/> handler takes every HTTP error), else
    /// Werkzeug's page for it (<see cref="HttpError.GetResponse"/>).
    /// </summary>
    protected virtual async ValueTask<Response?> HandleHttpExceptionAsync(HttpError error)
    {
        if (error is Routing.RequestRedirect || FindErrorHandler(error) is not { } handler)
        {
            return error.GetResponse();
        }
        return await CallErrorHandlerAsync(handler, error);
    }

    /// <summary>
    /// An exception that nothing handled (Flask's <c>handle_exception</c>): <see cref="GotRequestException"/>; raised
    /// again when <see cref="PropagateExceptions"/> (debug: the developer exception page; testing: the test client
    /// throws it); else logged and answered 500 by the 500 handler (which receives an <see cref="HttpError"/> whose
    /// <c>InnerException</c> is the original) or Werkzeug's page. Its response is finalized too; a failure there is
    /// logged, and the response kept.
    /// </summary>
    /// <returns>The response to write; null when there is nothing more to write.</returns>
    protected virtual async ValueTask<Response?> HandleExceptionAsync(Exception exception)
    {
        var context = RequestScope().Http!;
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (in the middle of its upload, or while a view awaited with RequestAborted): no one
            // to answer, and not the app's error.
            Logger.LogInformation("The client went away during the request to {Path} [{Method}]", context.Request.Path, context.Request.Method);
            return null;
        }
        GotRequestException?.Invoke(this, exception);
        if (context.Response.HasStarted)
        {
            // Too late for an error page: abort, so the client sees a broken response rather than a truncated "success".
            Logger.LogError(exception, "Exception on {Path} [{Method}] after the response started", context.Request.Path, context.Request.Method);
            context.Abort();
            return null;
        }
        if (PropagateExceptions)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
        Logger.LogError(exception, "Exception on {Path} [{Method}]", context.Request.Path, context.Request.Method);
        var serverError = new HttpError(StatusCodes.Status500InternalServerError, innerException: exception);
        Response? response;
        try
        {
            response = FindErrorHandler(serverError) is { } handler ? await CallErrorHandlerAsync(handler, serverError) : serverError.GetResponse();
        }
        catch (Exception handlerFailure)
        {
            Logger.LogError(handlerFailure, "The 500 error handler failed while handling {Error}", exception.GetType().Name);
            ResetResponse(context);
            response = serverError.GetResponse();
        }
        return response is null ? null : await FinalizeRequestAsync(response, fromErrorHandler: true);
    }

    /// <summary>
    /// The handler for <paramref name="exception"/> (Flask's <c>_find_error_handler</c>): for an HTTP error, first by its
    /// status in the request's blueprints (innermost first) then the app, where a handler of the error's own class (a
    /// subclass of <see cref="HttpError"/>) comes before the status's; then by its class and base classes, in the same
    /// order of blueprints. Null when none takes it.
    /// </summary>
    private ErrorHandlerFunc? FindErrorHandler(Exception exception)
    {
        var chain = RequestScope().ErrorBlueprints;
        var type = exception.GetType();
        if (exception is HttpError http)
        {
            foreach (var mount in chain)
            {
                if ((mount.Table.Scaffold.ForHttpSubtype(type) ?? mount.Table.Scaffold.ForCode(http.Code)) is { } byCode)
                {
                    return byCode;
                }
            }
            if ((scaffold.ForHttpSubtype(type) ?? scaffold.ForCode(http.Code)) is { } appByCode)
            {
                return appByCode;
            }
        }
        foreach (var mount in chain)
        {
            if (mount.Table.Scaffold.ForType(type) is { } byType)
            {
                return byType;
            }
        }
        return scaffold.ForType(type);
    }

    private async ValueTask<Response?> CallErrorHandlerAsync(ErrorHandlerFunc handler, Exception exception)
    {
        var scope = RequestScope();
        var context = scope.Http!;
        ResetResponse(context);
        if (exception is Routing.MethodNotAllowed notAllowed)
        {
            // Kept on the handler's page too: a 405 must say what is allowed.
            context.Response.Headers.Allow = notAllowed.Allow;
        }
        scope.Pending = null;
        await handler(context, exception);
        return scope.TakePending();
    }

    // What a view wrote on the HttpContext itself before it failed is not part of the handler's answer.
    // The headers middleware set before Flagon (CORS, antiforgery and authentication cookies) stay on the error's answer.
    private static void ResetResponse(HttpContext context)
    {
        var response = context.Response;
        if (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.Headers.ContentType = default;
            response.Headers.ContentLength = default;
        }
    }
}
