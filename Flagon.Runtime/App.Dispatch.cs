using Flagon.Blueprints;
using Flagon.Contexts;
using Flagon.Http;
using Flagon.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flagon;

public partial class App
{
    /// <summary>
    /// Flagon's terminal request delegate. Blueprints are tried by prefix, longest first, then the app's own
    /// views; the generated matcher of each matches the rest of the path and calls the view. Otherwise it
    /// answers as Werkzeug does: 308 to the slash-terminated URL, 405 with <c>Allow</c> (200 for OPTIONS), or 404.
    /// </summary>
    public async Task HandleRequestAsync(HttpContext context)
    {
        // Set inside an async method, the scope stays with this request's flow and is gone when it returns.
        var scope = new Scope(this, context, CurrentScope.Current);
        CurrentScope.Current = scope;
        try
        {
            if (NeedsBody(context.Request))
            {
                // Read before the view, so that Request.Form, Files, Data and Json() are plain properties, as in Flask.
                if (!await ReadBodyAsync(context, scope))
                {
                    return;
                }
            }
            if (hasRequestHooks)
            {
                await DispatchWithHooksAsync(context, scope);
            }
            else
            {
                await Dispatch(context, scope);
            }
            if (scope.SessionLoaded)
            {
                // The view's body is still buffered, so the cookie can go out with the headers.
                scope.Session!.Save(context, SessionSettings);
            }
        }
        finally
        {
            TeardownAppContext(scope);
        }
    }

    // Recomputed when tables or blueprints are added, not per request.
    private bool hasRequestHooks;

    private void RefreshRequestHooks() =>
        hasRequestHooks = tables.Any(t => t.HasRequestHooks) || mountsByPrefix.Any(m => m.Table.HasRequestHooks);

    /// <summary>The blueprint with the longest prefix that <paramref name="path"/> lies under, or null.</summary>
    private BlueprintMount? OwnerOf(string path)
    {
        foreach (var mount in Volatile.Read(ref mountsByPrefix))
        {
            if (mount.Prefix.Length > 0 && mount.Contains(path))
            {
                return mount;
            }
        }
        return null;
    }

    /// <summary>
    /// The request with hooks, in Flask's order: before-request (the app's, then those of the blueprint whose rule
    /// matched; the first answer wins), the view, after-request (the blueprint's, then the app's, each in reverse
    /// order) on the buffered response, then teardown (always, with the exception if one ended it).
    /// </summary>
    private async Task DispatchWithHooksAsync(HttpContext context, Scope scope)
    {
        // Matched once, before the hooks (as Flask matches when it pushes the request context): the blueprint whose
        // rule matched runs its hooks; the view is then called with this match.
        var routed = Route(context.Request.Path.Value ?? string.Empty, context.Request.Method);
        var owner = routed.Blueprint;
        var body = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        Exception? failure = null;
        try
        {
            Response? early = null;
            foreach (var table in tables)
            {
                early ??= table.RunBeforeRequest(context);
            }
            early ??= owner?.Table.RunBeforeRequest(context);
            if (early is not null)
            {
                await early.WriteAsync(context);
            }
            else
            {
                await Answer(context, scope, routed);
            }
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted);

            long? headLength = HttpMethods.IsHead(context.Request.Method) ? context.Response.ContentLength : null;
            var response = new Response(null, context.Response.StatusCode) { Body = buffer.ToArray() };
            foreach (var (name, value) in context.Response.Headers)
            {
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers[name] = value.ToString();
                }
            }
            if (owner is not null)
            {
                response = owner.Table.RunAfterRequest(context, response);
            }
            for (int i = tables.Length - 1; i >= 0; i--)
            {
                response = tables[i].RunAfterRequest(context, response);
            }
            context.Features.Set(body);
            context.Response.Headers.Clear();
            await response.WriteAsync(context);
            if (headLength is not null && response.Body.Length == 0)
            {
                // HEAD: the view wrote no body but said how long it would be.
                context.Response.ContentLength = headLength;
            }
        }
        catch (Exception ex) when (!PropagateExceptions || context.Response.HasStarted)
        {
            failure = ex;
            context.Features.Set(body);
            Logger.LogError(ex, "A request hook failed on {Path} [{Method}]", context.Request.Path, context.Request.Method);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ErrorPages.Write(context, StatusCodes.Status500InternalServerError);
            }
        }
        finally
        {
            context.Features.Set(body);
            var error = failure ?? scope.Error;
            try
            {
                owner?.Table.RunTeardownRequest(context, error);
                foreach (var table in tables)
                {
                    table.RunTeardownRequest(context, error);
                }
            }
            catch (Exception teardownFailure)
            {
                // Teardown runs after the response; a failure there is logged, never shown.
                Logger.LogError(teardownFailure, "A teardown hook failed on {Path} [{Method}]", context.Request.Path, context.Request.Method);
            }
        }
    }

    private static bool NeedsBody(HttpRequest request) =>
        (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    /// <summary>Reads the form, or the raw body up to MAX_CONTENT_LENGTH (413 past it, 400 if unreadable); false when it answered.</summary>
    private async Task<bool> ReadBodyAsync(HttpContext context, Scope scope)
    {
        long limit = long.TryParse(Config["MAX_CONTENT_LENGTH"], out var configured) ? configured : 16 * 1024 * 1024;
        if (context.Request.ContentLength > limit)
        {
            await HandleErrorAsync(context, new HttpError(StatusCodes.Status413PayloadTooLarge), null);
            return false;
        }
        try
        {
            if (context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
                return true;
            }
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await HandleErrorAsync(context, new HttpError(StatusCodes.Status413PayloadTooLarge), null);
                    return false;
                }
                buffer.Write(chunk, 0, read);
            }
            scope.Body = buffer.ToArray();
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            await HandleErrorAsync(context, new HttpError(StatusCodes.Status400BadRequest, innerException: ex), null);
            return false;
        }
    }

    /// <summary>What matching a request found: the rule's table (and blueprint), or why no rule took it.</summary>
    private struct Routed
    {
        /// <summary>The table whose rule matched; null when none did.</summary>
        public RouteTable? Table;

        /// <summary>The blueprint of that table (Flask's <c>request.blueprint</c>); null for an app view or no match.</summary>
        public BlueprintMount? Blueprint;

        public RouteMatch Match;

        public Miss Miss;
    }

    /// <summary>Matches the request once: blueprints by prefix, longest first, then the app's own tables.</summary>
    private Routed Route(string path, string method)
    {
        var routed = default(Routed);
        foreach (var mount in Volatile.Read(ref mountsByPrefix))
        {
            if (!mount.Contains(path))
            {
                continue;
            }
            var match = mount.Table.Match(path.AsSpan(mount.Prefix.Length), method);
            if (match.Status == MatchStatus.Matched)
            {
                routed.Table = mount.Table;
                routed.Blueprint = mount;
                routed.Match = match;
                return routed;
            }
            routed.Miss.Add(mount.Table, match);
        }
        foreach (var table in tables)
        {
            var match = table.Match(path, method);
            if (match.Status == MatchStatus.Matched)
            {
                routed.Table = table;
                routed.Match = match;
                return routed;
            }
            routed.Miss.Add(table, match);
        }
        return routed;
    }

    private Task Dispatch(HttpContext context, Scope scope) =>
        Answer(context, scope, Route(context.Request.Path.Value ?? string.Empty, context.Request.Method));

    /// <summary>Calls the matched rule's view, or answers why no rule took the request.</summary>
    private Task Answer(HttpContext context, Scope scope, in Routed routed)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (routed.Table is { } table)
        {
            scope.Blueprint = routed.Blueprint;
            return Invoke(table, path.AsSpan(routed.Blueprint?.Prefix.Length ?? 0), routed.Match, context);
        }
        var method = context.Request.Method;
        var miss = routed.Miss;
        if (!miss.Redirect && miss.Allowed is null && path.Contains("//", StringComparison.Ordinal) && MergeSlashes(path) is { } merged)
        {
            // Werkzeug's merge_slashes: a path that matches once its repeated slashes are merged is redirected there.
            var location = $"{context.Request.PathBase}{merged}{context.Request.QueryString}";
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = location;
            return ErrorPages.WriteRedirect(context, location).AsTask();
        }
        return AnswerMiss(context, path, method, miss);
    }

    /// <summary>The path with its repeated slashes merged, if some rule matches it (with the request's method or another).</summary>
    private string? MergeSlashes(string path)
    {
        var merged = System.Text.RegularExpressions.Regex.Replace(path, "/{2,}", "/");
        foreach (var mount in Volatile.Read(ref mountsByPrefix))
        {
            if (mount.Contains(merged) && mount.Table.Match(merged.AsSpan(mount.Prefix.Length), "GET").Status != MatchStatus.NotFound)
            {
                return merged;
            }
        }
        foreach (var table in tables)
        {
            if (table.Match(merged, "GET").Status != MatchStatus.NotFound)
            {
                return merged;
            }
        }
        return null;
    }

    /// <summary>What the tables said when none matched: the first slash redirect, and the union of allowed methods.</summary>
    private struct Miss
    {
        private bool redirect;
        private SortedSet<string>? allowed;

        public void Add(RouteTable table, RouteMatch match)
        {
            if (match.Status == MatchStatus.RedirectWithSlash)
            {
                redirect = true;
            }
            else if (match.Status == MatchStatus.MethodNotAllowed)
            {
                allowed ??= new SortedSet<string>(StringComparer.Ordinal);
                allowed.UnionWith(table.FormatAllow(match.AllowedMethods).Split(", "));
            }
        }

        public readonly bool Redirect => redirect;

        public readonly SortedSet<string>? Allowed => allowed;
    }

    // No rule answered: a slash redirect, Werkzeug's automatic OPTIONS, or a 405/404 that the owner of the
    // path may handle (the blueprint with the longest prefix containing it, then the app).
    private Task AnswerMiss(HttpContext context, string path, string method, Miss miss)
    {
        if (miss.Redirect)
        {
            var request = context.Request;
            var location = $"{request.PathBase}{path}/{request.QueryString}";
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = location;
            return ErrorPages.WriteRedirect(context, location).AsTask();
        }
        int status = StatusCodes.Status404NotFound;
        if (miss.Allowed is { } allowed)
        {
            // Set before any handler runs, so a custom 405 page still carries a correct Allow.
            context.Response.Headers.Allow = string.Join(", ", allowed);
            if (HttpMethods.IsOptions(method))
            {
                // Werkzeug's automatic OPTIONS: an empty 200 that lists the allowed methods.
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            }
            status = StatusCodes.Status405MethodNotAllowed;
        }
        return HandleErrorAsync(context, new HttpError(status), OwnerOf(path));
    }

    /// <summary>
    /// Answers an HTTP error: the handler of the blueprint in charge (if any), else the app's, else Werkzeug's page.
    /// A handler that throws is logged and replaced by the plain 500 page.
    /// </summary>
    private Task HandleErrorAsync(HttpContext context, HttpError error, BlueprintMount? blueprint)
    {
        ValueTask written = default;
        try
        {
            bool handled = blueprint is not null && blueprint.Table.TryHandleError(context, error, out written);
            if (!handled)
            {
                foreach (var table in tables)
                {
                    if (table.TryHandleError(context, error, out written))
                    {
                        handled = true;
                        break;
                    }
                }
            }
            if (!handled)
            {
                return ErrorPages.Write(context, error.Code).AsTask();
            }
        }
        catch (Exception handlerFailure)
        {
            return HandlerFailedAsync(context, error, handlerFailure);
        }
        return written.IsCompletedSuccessfully ? Task.CompletedTask : AwaitHandler(written, context, error);
    }

    private async Task AwaitHandler(ValueTask written, HttpContext context, HttpError error)
    {
        try
        {
            await written;
        }
        catch (Exception handlerFailure)
        {
            await HandlerFailedAsync(context, error, handlerFailure);
        }
    }

    // Flask's lookup: the most specific exception type first; at equal specificity the blueprint's handler
    // before the app's. Null when no handler takes the exception.
    private Task? TryHandleException(HttpContext context, Exception exception, BlueprintMount? blueprint)
    {
        RouteTable? best = null;
        int bestDepth = -1;
        if (blueprint is not null)
        {
            (best, bestDepth) = (blueprint.Table, blueprint.Table.ExceptionHandlerDepth(exception));
        }
        foreach (var table in tables)
        {
            int depth = table.ExceptionHandlerDepth(exception);
            if (depth > bestDepth)
            {
                (best, bestDepth) = (table, depth);
            }
        }
        if (bestDepth < 0 || best is null)
        {
            return null;
        }
        try
        {
            best.TryHandleException(context, exception, out var written);
            return written.IsCompletedSuccessfully ? Task.CompletedTask : AwaitHandler(written, context, new HttpError(StatusCodes.Status500InternalServerError, innerException: exception));
        }
        catch (Exception handlerFailure)
        {
            return HandlerFailedAsync(context, new HttpError(StatusCodes.Status500InternalServerError, innerException: exception), handlerFailure);
        }
    }

    private Task HandlerFailedAsync(HttpContext context, HttpError error, Exception handlerFailure)
    {
        Logger.LogError(handlerFailure, "The error handler for {Code} failed while handling {Error}", error.Code, error.InnerException ?? error);
        if (context.Response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }
        context.Response.Clear();
        return ErrorPages.Write(context, StatusCodes.Status500InternalServerError).AsTask();
    }

    private Task Invoke(RouteTable table, ReadOnlySpan<char> path, RouteMatch match, HttpContext context)
    {
        ValueTask pending;
        try
        {
            pending = table.InvokeAsync(context, path, match);
        }
        catch (Exception ex)
        {
            return HandleExceptionAsync(context, ex);
        }
        return pending.IsCompletedSuccessfully ? Task.CompletedTask : AwaitView(pending, context);
    }

    private async Task AwaitView(ValueTask pending, HttpContext context)
    {
        try
        {
            await pending;
        }
        catch (Exception ex)
        {
            await HandleExceptionAsync(context, ex);
        }
    }

    /// <summary>
    /// An exception escaped a view (Flask's <c>handle_exception</c>): an <see cref="HttpError"/> is answered with its
    /// status; another goes to the most specific [ErrorHandler(typeof(…))], else it propagates when
    /// <see cref="PropagateExceptions"/> (debug, testing), else it is logged and answered 500 (the 500 handler
    /// receives the original as InnerException). Override it to answer exceptions another way.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="exception">What the view threw.</param>
    protected virtual Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        if (CurrentScope.Current is { } scope)
        {
            scope.Error = exception;
        }
        if (context.Response.HasStarted)
        {
            // Too late for an error page: abort so the client sees a broken response, not a truncated "success".
            Logger.LogError(exception, "Exception on {Path} [{Method}] after the response started", context.Request.Path, context.Request.Method);
            context.Abort();
            return Task.CompletedTask;
        }
        context.Response.Clear();
        if (exception is not HttpError && TryHandleException(context, exception, CurrentScope.Blueprint) is { } handled)
        {
            return handled;
        }
        var error = exception as HttpError;
        if (error is null && PropagateExceptions)
        {
            // Flask's PROPAGATE_EXCEPTIONS (debug and testing): no 500 page; in debug mode ASP.NET Core's developer
            // exception page shows the exception with its stack, in tests the test client throws it.
            return Task.FromException(exception);
        }
        if (error is null)
        {
            Logger.LogError(exception, "Exception on {Path} [{Method}]", context.Request.Path, context.Request.Method);
            error = new HttpError(StatusCodes.Status500InternalServerError, innerException: exception);
        }
        return HandleErrorAsync(context, error, CurrentScope.Blueprint);
    }
}
