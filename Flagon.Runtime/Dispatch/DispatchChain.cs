using Flagon.Contexts;
using Flagon.Dispatch;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flagon;

// Flask's dispatch chain (flask/app.py: wsgi_app, full_dispatch_request, finalize_request, …), one path with or
// without hooks. Each step is a protected virtual named after Flask's; a request goes:
//
//   HandleRequestAsync        push the contexts -> FullDispatchRequestAsync -> write -> teardown -> pop
//   FullDispatchRequestAsync  request_started -> PreprocessRequestAsync -> DispatchRequestAsync (the view)
//                             exceptions -> HandleUserExceptionAsync -> FinalizeRequestAsync
//   HandleExceptionAsync      an exception nothing handled: got_request_exception, log, the 500 handler
//   FinalizeRequestAsync      ProcessResponseAsync (after_this_request, after hooks, session) -> request_finished
//
// The generated code is MakeResponse's typed fast path: a view's string is written straight to the client when
// nothing would look at the response object (no after hook for the request, no after_this_request, session untouched,
// no request_finished listener, ProcessResponseAsync not overridden); otherwise it becomes a Response that the
// chain finalizes, its body never copied.
public partial class App
{
    /// <summary>
    /// Answers one request (Flask's <c>wsgi_app</c>): pushes the app and request contexts, runs
    /// <see cref="FullDispatchRequestAsync"/>, writes the response, runs the teardown hooks (always, with the exception
    /// no handler took), and pops the contexts. This is Flagon's request delegate.
    /// </summary>
    public Task HandleRequestAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!gotFirstRequest)
        {
            gotFirstRequest = true;
        }
        return HandleRequestCoreAsync(context, MatchRequest(context));
    }

    // Flask's _got_first_request: from the first request on, the setup methods refuse (CheckSetup).
    private volatile bool gotFirstRequest;

    /// <summary>
    /// Flask's <c>@setupmethod</c> check: a rule, blueprint, hook, handler or template setting added after the app
    /// handled its first request would apply to some requests and not others, so it is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app has handled a request.</exception>
    private protected void CheckSetup([System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        if (gotFirstRequest)
        {
            throw new InvalidOperationException(
                $"The setup method '{method}' can no longer be called on the app '{Name}'. It has already handled its first request, "
                + "so any changes would not apply consistently. Make sure everything the app needs is set up before it serves.");
        }
    }

    private async Task HandleRequestCoreAsync(HttpContext context, Scope scope)
    {
        // Set inside an async method, the context stays with this request's flow and is gone when it returns.
        CurrentScope.Current = scope;
        using var activity = ActivitySource.HasListeners() ? StartActivity(context, scope) : null;
        Exception? error = null;
        try
        {
            Response? response;
            try
            {
                response = await (overriddenSteps.FullDispatch ? FullDispatchRequestAsync() : FullDispatch(scope));
            }
            catch (Exception e)
            {
                error = e;
                response = await HandleExceptionAsync(e);
            }
            if (response is not null)
            {
                error = await WriteAsync(context, response) ?? error;
            }
        }
        catch (Exception e)
        {
            // Propagated (debug or testing): the server or the test client sees it; teardown still runs.
            error ??= e;
            throw;
        }
        finally
        {
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", context.Response.StatusCode);
                if (error is not null)
                {
                    activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Message);
                }
            }
            scope.Error = error;
            await (overriddenSteps.Teardown ? DoTeardownRequestAsync(error) : DoTeardown(scope, error));
            TeardownAppContext(scope);
        }
    }

    // One span per request for OpenTelemetry (the Flagon ActivitySource), named after the endpoint, as ASP.NET Core
    // names its spans after the route.
    private static System.Diagnostics.Activity? StartActivity(HttpContext context, Scope scope)
    {
        var activity = ActivitySource.StartActivity(scope.Route.Endpoint ?? "(no rule)", System.Diagnostics.ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("flagon.endpoint", scope.Route.Endpoint);
            activity.SetTag("http.route", scope.Route.Rule is { } rule ? (scope.Route.Blueprint?.Prefix ?? string.Empty) + rule.Pattern : null);
            activity.SetTag("http.request.method", context.Request.Method);
        }
        return activity;
    }

    /// <summary>
    /// Runs the request (Flask's <c>full_dispatch_request</c>): <see cref="RequestStarted"/>, the before-request hooks,
    /// then the view; an exception goes to <see cref="HandleUserExceptionAsync"/>; the result is finalized.
    /// </summary>
    /// <returns>The response to write; null when the view's response was already written (the fast path).</returns>
    /// <remarks>Written without <c>async</c> for the steps that finish at once (most requests); any that does not
    /// continues in an awaiting copy of the same steps.</remarks>
    protected virtual ValueTask<Response?> FullDispatchRequestAsync() => FullDispatch(RequestScope());

    private ValueTask<Response?> FullDispatch(Scope scope)
    {
        Response? response;
        try
        {
            RequestStarted?.Invoke(this, EventArgs.Empty);
            var early = overriddenSteps.Preprocess ? PreprocessRequestAsync() : Preprocess(scope);
            if (!early.IsCompletedSuccessfully)
            {
                return ContinueAfterPreprocessAsync(scope, early);
            }
            response = early.Result;
            if (response is null)
            {
                var dispatched = overriddenSteps.Dispatch ? DispatchRequestAsync() : Dispatch(scope);
                if (!dispatched.IsCompletedSuccessfully)
                {
                    return ContinueAfterDispatchAsync(scope, dispatched);
                }
                response = scope.TakePending();
            }
        }
        catch (Exception e)
        {
            return HandleThenFinalizeAsync(e);
        }
        return response is null ? default : FinalizeOrNullAsync(response);
    }

    private async ValueTask<Response?> ContinueAfterPreprocessAsync(Scope scope, ValueTask<Response?> early)
    {
        Response? response;
        try
        {
            response = await early;
            if (response is null)
            {
                await (overriddenSteps.Dispatch ? DispatchRequestAsync() : Dispatch(scope));
                response = scope.TakePending();
            }
        }
        catch (Exception e)
        {
            response = await HandleUserExceptionAsync(e);
        }
        return response is null ? null : await FinalizeRequestAsync(response);
    }

    private async ValueTask<Response?> ContinueAfterDispatchAsync(Scope scope, ValueTask dispatched)
    {
        Response? response;
        try
        {
            await dispatched;
            response = scope.TakePending();
        }
        catch (Exception e)
        {
            response = await HandleUserExceptionAsync(e);
        }
        return response is null ? null : await FinalizeRequestAsync(response);
    }

    private async ValueTask<Response?> HandleThenFinalizeAsync(Exception exception) =>
        await HandleUserExceptionAsync(exception) is { } response ? await FinalizeRequestAsync(response) : null;

    private async ValueTask<Response?> FinalizeOrNullAsync(Response response) => await FinalizeRequestAsync(response);

    /// <summary>
    /// Runs the before-request hooks (Flask's <c>preprocess_request</c>): the app's, then each blueprint's from the
    /// outermost to the one whose rule matched, in registration order. The first response a hook returns stops
    /// the request: the view is not called, and that response is finalized.
    /// </summary>
    protected virtual ValueTask<Response?> PreprocessRequestAsync() => Preprocess(RequestScope());

    private ValueTask<Response?> Preprocess(Scope scope)
    {
        if (scaffold.UrlValuePreprocessors.Length == 0 && scaffold.BeforeRequestFuncs.Length == 0 && !AnyBeforeRequest(scope.Blueprints)
            && !HasBodyOrRefusedForm(scope.Http!))
        {
            // Nothing to read and nothing to run: most requests.
            return default;
        }
        return PreprocessSlowAsync(scope);
    }

    // A body to read before the view, or a form ASP.NET Core's antiforgery refused.
    private bool HasBodyOrRefusedForm(HttpContext context) => NeedsBody(context.Request) || RefusedForm(context) is not null;

    // What ASP.NET Core's antiforgery middleware said of a form it refused ([RequireAntiforgeryToken]); null when it
    // refused none, and without looking when there is no middleware to have run it.
    private Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature? RefusedForm(HttpContext context) =>
        !servesWithoutMiddleware && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false } refused
            ? refused
            : null;

    private static bool AnyBeforeRequest(Blueprints.BlueprintMount[] chain)
    {
        foreach (var mount in chain)
        {
            if (mount.Table.Scaffold.BeforeRequestFuncs.Length > 0)
            {
                return true;
            }
        }
        return false;
    }

    private async ValueTask<Response?> PreprocessSlowAsync(Scope scope)
    {
        var context = scope.Http!;
        if (RefusedForm(context) is { } antiforgery)
        {
            // ASP.NET Core's antiforgery middleware found the form's token missing or wrong ([RequireAntiforgeryToken]).
            throw new HttpError(StatusCodes.Status400BadRequest, "The form's antiforgery (CSRF) token is missing or invalid.", antiforgery.Error);
        }
        if (NeedsBody(context.Request))
        {
            // Read before the hooks and the view, so Request.Form, Files, Data and Json() are plain properties, as in Flask.
            await ReadBodyAsync(context, scope);
        }
        if (scaffold.UrlValuePreprocessors is { Length: > 0 } preprocessors)
        {
            var values = new Dictionary<string, string>(scope.ViewArgs, StringComparer.Ordinal);
            foreach (var preprocessor in preprocessors)
            {
                preprocessor(scope.Route.Endpoint, values);
            }
        }
        foreach (var hook in scaffold.BeforeRequestFuncs)
        {
            if (await hook(context) is { } early)
            {
                return early;
            }
        }
        var chain = scope.Blueprints;
        for (int i = chain.Length - 1; i >= 0; i--)
        {
            foreach (var hook in chain[i].Table.Scaffold.BeforeRequestFuncs)
            {
                if (await hook(context) is { } early)
                {
                    return early;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Calls the view the URL matched (Flask's <c>dispatch_request</c>), whose generated code binds its values and makes
    /// its response; raises the routing error when no rule matched (404, 405, or the 308 redirect to the slash URL), and
    /// answers Werkzeug's automatic OPTIONS.
    /// </summary>
    protected virtual ValueTask DispatchRequestAsync() => Dispatch(RequestScope());

    private ValueTask Dispatch(Scope scope)
    {
        var context = scope.Http!;
        ref readonly var route = ref scope.Route;
        if (route.Table is { } table)
        {
            var path = context.Request.Path.Value ?? string.Empty;
            route.ToMatch(out var match);
            var own = path.AsSpan(route.Blueprint?.Prefix.Length ?? 0);
            if (table.RedirectsDefaults && table.DefaultsRedirect(MountPrefix(route.Blueprint), own, match) is { } canonical)
            {
                // Werkzeug's redirect_defaults: the same values have a shorter URL through the endpoint's defaults.
                throw new Routing.RequestRedirect($"{canonical}{context.Request.QueryString}");
            }
            return table.InvokeAsync(context, own, match);
        }
        if (route.Details?.Allowed is { } allowed && HttpMethods.IsOptions(context.Request.Method))
        {
            // Werkzeug's automatic OPTIONS: an empty 200 that lists the allowed methods.
            var options = new Response();
            options.Headers.Allow = string.Join(", ", allowed);
            scope.Pending = options;
            return ValueTask.CompletedTask;
        }
        throw RoutingError(context, route);
    }

    // Where the matched table's URLs are built under: the app's root, then the blueprint's mount.
    private string MountPrefix(Blueprints.BlueprintMount? mount)
    {
        string root = Routing.UrlContext.Root(this);
        return mount is null ? root : root.Length == 0 ? mount.UrlPrefix : root + mount.UrlPrefix;
    }

    /// <summary>
    /// Makes the final response (Flask's <c>finalize_request</c>): <see cref="ProcessResponseAsync"/>, then
    /// <see cref="RequestFinished"/>. For a response made by the 500 handler, a failure here is logged and the
    /// response is kept; otherwise it goes to <see cref="HandleExceptionAsync"/>.
    /// </summary>
    protected virtual async ValueTask<Response> FinalizeRequestAsync(Response response, bool fromErrorHandler = false)
    {
        try
        {
            response = await ProcessResponseAsync(response);
            RequestFinished?.Invoke(this, response);
        }
        catch (Exception e) when (fromErrorHandler)
        {
            Logger.LogError(e, "Request finalizing failed with an error while handling an error");
        }
        return response;
    }

    /// <summary>
    /// Processes the response before it is written (Flask's <c>process_response</c>): the request's
    /// <see cref="Globals.AfterThisRequest"/> functions, the after-request hooks (the matched blueprint's, then its
    /// parents', then the app's, each in reverse registration order), then the session is saved into it (with
    /// <c>Vary: Cookie</c> when the session was used). Override it to change every response; call the base.
    /// </summary>
    protected virtual async ValueTask<Response> ProcessResponseAsync(Response response)
    {
        var scope = RequestScope();
        var context = scope.Http!;
        if (scope.AfterThisRequest is { } functions)
        {
            foreach (var function in functions)
            {
                response = function(response) ?? throw new InvalidOperationException("An after_this_request function returned null; return the response it was given, or another.");
            }
        }
        foreach (var mount in scope.Blueprints)
        {
            response = await RunAfterRequestAsync(mount.Table.Scaffold, context, response);
        }
        response = await RunAfterRequestAsync(scaffold, context, response);
        if (scope.SessionLoaded || (SessionSettings.RefreshEachRequest && context.Request.Cookies.ContainsKey(SessionSettings.CookieName)))
        {
            // Also an unused session, whose cookie a permanent session refreshes (Flask's SESSION_REFRESH_EACH_REQUEST).
            scope.PeekSession()!.Save(context, response, SessionSettings);
        }
        return response;
    }

    private static async ValueTask<Response> RunAfterRequestAsync(Scaffold scaffold, HttpContext context, Response response)
    {
        var hooks = scaffold.AfterRequestFuncs;
        for (int i = hooks.Length - 1; i >= 0; i--)
        {
            response = await hooks[i](context, response) ?? throw new InvalidOperationException("An after-request hook returned null; return the response it was given, or another.");
        }
        return response;
    }

    /// <summary>
    /// Runs the teardown hooks (Flask's <c>do_teardown_request</c>): the blueprints' (innermost first), then the app's,
    /// each in reverse registration order, all of them even when one throws (a failure is logged: the response is
    /// gone). They receive the exception no handler took, or null. Then <see cref="RequestTearingDown"/>.
    /// </summary>
    protected virtual ValueTask DoTeardownRequestAsync(Exception? error) => DoTeardown(RequestScope(), error);

    private ValueTask DoTeardown(Scope scope, Exception? error)
    {
        if (scaffold.TeardownRequestFuncs.Length == 0 && RequestTearingDown is null && !AnyTeardown(scope.Blueprints))
        {
            return default;
        }
        return TeardownSlowAsync(scope, error);
    }

    /// <summary>The teardown of a request context pushed by hand (a test request context), run when it is popped.</summary>
    internal void TeardownPoppedRequest()
    {
        var teardown = DoTeardownRequestAsync(null);
        if (!teardown.IsCompletedSuccessfully)
        {
            // An asynchronous teardown hook: Pop() is synchronous, as Flask's is.
            teardown.AsTask().GetAwaiter().GetResult();
        }
    }

    private static bool AnyTeardown(Blueprints.BlueprintMount[] chain)
    {
        foreach (var mount in chain)
        {
            if (mount.Table.Scaffold.TeardownRequestFuncs.Length > 0)
            {
                return true;
            }
        }
        return false;
    }

    private async ValueTask TeardownSlowAsync(Scope scope, Exception? error)
    {
        var context = scope.Http!;
        foreach (var mount in scope.Blueprints)
        {
            await RunTeardownAsync(mount.Table.Scaffold, context, error);
        }
        await RunTeardownAsync(scaffold, context, error);
        RaiseRobustly(RequestTearingDown, error, "request_tearing_down");
    }

    // Teardown signals: every receiver runs even when one throws (Flask's robust teardown); failures are logged.
    private void RaiseRobustly(EventHandler<Exception?>? signal, Exception? error, string name)
    {
        if (signal is null)
        {
            return;
        }
        foreach (var receiver in signal.GetInvocationList())
        {
            try
            {
                ((EventHandler<Exception?>)receiver)(this, error);
            }
            catch (Exception failure)
            {
                Logger.LogError(failure, "A {Signal} receiver failed", name);
            }
        }
    }

    private async ValueTask RunTeardownAsync(Scaffold scaffold, HttpContext context, Exception? error)
    {
        var hooks = scaffold.TeardownRequestFuncs;
        for (int i = hooks.Length - 1; i >= 0; i--)
        {
            try
            {
                await hooks[i](context, error);
            }
            catch (Exception teardownFailure)
            {
                // Teardown runs after the response; a failure there is logged, never shown, and the others still run.
                Logger.LogError(teardownFailure, "A teardown hook failed on {Path} [{Method}]", context.Request.Path, context.Request.Method);
            }
        }
    }

    /// <summary>
    /// Writes the final response; a failure while writing (a stream that throws) before anything was sent is answered as
    /// an unhandled exception, after is logged and the connection aborted. A client that went away is not an error.
    /// </summary>
    /// <returns>The exception that broke the write, for the teardown hooks; null when it went through.</returns>
    private async ValueTask<Exception?> WriteAsync(HttpContext context, Response response)
    {
        try
        {
            await response.WriteAsync(context);
            return null;
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested)
        {
            Logger.LogInformation("The client went away during the response to {Path} [{Method}]", context.Request.Path, context.Request.Method);
            return e;
        }
        catch (Exception e) when (!context.Response.HasStarted && !PropagateExceptions)
        {
            if (await HandleExceptionAsync(e) is { } page)
            {
                await page.WriteAsync(context);
            }
            return e;
        }
        catch (Exception e) when (!PropagateExceptions)
        {
            Logger.LogError(e, "The response to {Path} [{Method}] failed after it started", context.Request.Path, context.Request.Method);
            context.Abort();
            return e;
        }
    }

    private static Scope RequestScope() =>
        CurrentScope.Current is { Http: not null } scope ? scope : throw OutsideContextException.Request("the dispatch chain");
}
