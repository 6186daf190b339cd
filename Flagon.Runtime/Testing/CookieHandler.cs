using System.Net;

namespace Flagon.Testing;

/// <summary>Keeps cookies between the test client's requests, as a browser (and Flask's test client) does.</summary>
internal sealed class CookieHandler(HttpMessageHandler inner, Uri baseAddress) : DelegatingHandler(inner)
{
    private readonly CookieContainer cookies = new();

    /// <summary>The address relative request URIs are resolved against.</summary>
    public Uri BaseAddress => baseAddress;

    /// <summary>The cookies the app has set.</summary>
    public CookieContainer Cookies => cookies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(baseAddress, request.RequestUri!);
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                try
                {
                    cookies.SetCookies(uri, setCookie);
                }
                catch (CookieException)
                {
                    // A cookie for another domain or path: a browser ignores it, and so does the test client.
                }
            }
        }
        return response;
    }
}
