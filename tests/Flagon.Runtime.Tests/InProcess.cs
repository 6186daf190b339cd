using Microsoft.AspNetCore.Http;

namespace Flagon.Runtime.Tests;

/// <summary>Sends a request to a request delegate in process, with a DefaultHttpContext, and reads what it answered.</summary>
internal static class InProcess
{
    public static async Task<TestResponse> SendAsync(RequestDelegate handler, string method, string path, string host = "localhost",
        QueryString query = default, IServiceProvider? services = null)
    {
        var context = new DefaultHttpContext();
        if (services is not null)
        {
            context.RequestServices = services;
        }
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Request.Path = new PathString(path); // as given: the implicit conversion would percent-decode it again
        context.Request.QueryString = query;
        var body = new MemoryStream();
        context.Response.Body = body;
        await handler(context);
        await context.Response.BodyWriter.FlushAsync();
        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new TestResponse(context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()), headers);
    }
}
