using System.ComponentModel;
using Microsoft.Extensions.Primitives;

namespace Flagon.Dispatch;

/// <summary>
/// Adapts what a hook method returns to the Scaffold's delegates; called by generated code, one overload per return
/// type the generator allows (FLG0108).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Hooks
{
    /// <summary>A before-request hook's text: an answer when not null.</summary>
    public static ValueTask<Response?> Before(string? answer) => new(answer is null ? null : new Response(answer));

    /// <summary>A before-request hook's query or form field: its first value is the answer when it has one.</summary>
    public static ValueTask<Response?> Before(StringValues answer) => Before(MultiDictExtensions.FirstValue(answer));

    /// <summary>A before-request hook's response: the answer when not null.</summary>
    public static ValueTask<Response?> Before(Response? answer) => new(answer);

    /// <summary>An asynchronous before-request hook without an answer.</summary>
    public static async ValueTask<Response?> Before(Task pending)
    {
        await pending;
        return null;
    }

    /// <summary>An asynchronous before-request hook without an answer.</summary>
    public static async ValueTask<Response?> Before(ValueTask pending)
    {
        await pending;
        return null;
    }

    /// <summary>An asynchronous before-request hook's answer (text or a response), once ready.</summary>
    public static async ValueTask<Response?> Before<T>(Task<T> pending) => Answer(await pending);

    /// <summary>An asynchronous before-request hook's answer (text or a response), once ready.</summary>
    public static async ValueTask<Response?> Before<T>(ValueTask<T> pending) => Answer(await pending);

    private static Response? Answer<T>(T value) => value switch
    {
        null => null,
        string text => new Response(text),
        StringValues field => MultiDictExtensions.FirstValue(field) is { } text ? new Response(text) : null,
        Response response => response,
        _ => throw new InvalidOperationException($"A before-request hook returned a {value.GetType().Name}; return a string, a Response, or null."),
    };

    /// <summary>An after-request hook's response: the one it returned, or the one it was given when it returned null.</summary>
    public static ValueTask<Response> After(Response? returned, Response response) => new(returned ?? response);

    /// <summary>An asynchronous after-request hook that changes the response it was given.</summary>
    public static async ValueTask<Response> After(Task pending, Response response)
    {
        await pending;
        return response;
    }

    /// <summary>An asynchronous after-request hook that changes the response it was given.</summary>
    public static async ValueTask<Response> After(ValueTask pending, Response response)
    {
        await pending;
        return response;
    }

    /// <summary>An asynchronous after-request hook's response, once ready.</summary>
    public static async ValueTask<Response> After<T>(Task<T> pending, Response response)
        where T : Response? => await pending ?? response;

    /// <summary>An asynchronous after-request hook's response, once ready.</summary>
    public static async ValueTask<Response> After<T>(ValueTask<T> pending, Response response)
        where T : Response? => await pending ?? response;

    /// <summary>An asynchronous teardown hook.</summary>
    public static ValueTask Teardown(Task pending) => new(pending);

    /// <summary>An asynchronous teardown hook.</summary>
    public static ValueTask Teardown(ValueTask pending) => pending;

    /// <summary>The status an error handler's plain answer gets: the HTTP error's, else 500.</summary>
    public static int StatusOf(Exception error) => error is HttpError http ? http.Code : Microsoft.AspNetCore.Http.StatusCodes.Status500InternalServerError;
}
