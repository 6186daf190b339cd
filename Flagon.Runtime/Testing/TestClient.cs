using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Flagon.Testing;

/// <summary>
/// Flask's test client (<c>app.test_client()</c>), made by <see cref="App.TestClient"/>: sends requests to the app
/// in memory through the whole pipeline (ASP.NET Core's TestHost, no socket), keeps cookies between requests as a
/// browser does, and can follow redirects. It is an <see cref="HttpClient"/> too, for anything the helpers lack.
/// </summary>
/// <example>
/// <code>
/// using var client = app.TestClient();
/// var page = await client.Get("/search", query: [new("q", "flask")]);
/// var created = await client.Post("/login", form: [new("user", "alice")], followRedirects: true);
/// Assert.Equal(200, created.Status);
/// </code>
/// </example>
public sealed class TestClient : HttpClient
{
    private const int MaxRedirects = 20;
    private readonly App app;
    private readonly CookieHandler cookies;
    private readonly IServiceProvider services;

    internal TestClient(App app, CookieHandler cookies, IServiceProvider services)
        : base(cookies)
    {
        this.app = app;
        this.cookies = cookies;
        this.services = services;
        BaseAddress = cookies.BaseAddress;
    }

    /// <summary>Whether requests follow redirects when a call does not say (Flask's default: false).</summary>
    public bool FollowRedirects { get; set; }

    /// <summary>Sends a GET request.</summary>
    /// <inheritdoc cref="Open" path="/param"/>
    public Task<TestResponse> Get(string path, IEnumerable<KeyValuePair<string, string?>>? query = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, bool? followRedirects = null) =>
        Open("GET", path, query, headers: headers, followRedirects: followRedirects);

    /// <summary>Sends a POST request with a form, a JSON body or raw data.</summary>
    /// <inheritdoc cref="Open" path="/param"/>
    public Task<TestResponse> Post(string path, IEnumerable<KeyValuePair<string, string>>? form = null, object? json = null, string? data = null,
        string? contentType = null, IEnumerable<KeyValuePair<string, string?>>? query = null, IEnumerable<KeyValuePair<string, string>>? headers = null,
        bool? followRedirects = null) =>
        Open("POST", path, query, form, json, data, contentType, headers, followRedirects);

    /// <summary>Sends a PUT request.</summary>
    /// <inheritdoc cref="Open" path="/param"/>
    public Task<TestResponse> Put(string path, IEnumerable<KeyValuePair<string, string>>? form = null, object? json = null, string? data = null,
        string? contentType = null, IEnumerable<KeyValuePair<string, string?>>? query = null, IEnumerable<KeyValuePair<string, string>>? headers = null,
        bool? followRedirects = null) =>
        Open("PUT", path, query, form, json, data, contentType, headers, followRedirects);

    /// <summary>Sends a PATCH request.</summary>
    /// <inheritdoc cref="Open" path="/param"/>
    public Task<TestResponse> Patch(string path, IEnumerable<KeyValuePair<string, string>>? form = null, object? json = null, string? data = null,
        string? contentType = null, IEnumerable<KeyValuePair<string, string?>>? query = null, IEnumerable<KeyValuePair<string, string>>? headers = null,
        bool? followRedirects = null) =>
        Open("PATCH", path, query, form, json, data, contentType, headers, followRedirects);

    /// <summary>Sends a DELETE request.</summary>
    /// <inheritdoc cref="Open" path="/param"/>
    public Task<TestResponse> Delete(string path, IEnumerable<KeyValuePair<string, string?>>? query = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, bool? followRedirects = null) =>
        Open("DELETE", path, query, headers: headers, followRedirects: followRedirects);

    /// <summary>Sends a request with any method (Flask's <c>client.open</c>).</summary>
    /// <param name="method">The method: <c>GET</c>, <c>POST</c>, …</param>
    /// <param name="path">The path, with a query string if wanted: <c>/page/1?x=y</c>.</param>
    /// <param name="query">Query values added to the path's, in order (a key may repeat).</param>
    /// <param name="form">Form fields, sent as <c>application/x-www-form-urlencoded</c>.</param>
    /// <param name="json">A value sent as JSON with the app's <see cref="App.JsonOptions"/>.</param>
    /// <param name="data">A raw body, sent as UTF-8 text.</param>
    /// <param name="contentType">The raw body's content type (<c>text/plain; charset=utf-8</c> by default).</param>
    /// <param name="headers">Request headers.</param>
    /// <param name="followRedirects">Whether to follow redirects, as a browser would (<see cref="FollowRedirects"/> when null).</param>
    /// <exception cref="ArgumentException">More than one of form, json and data is given.</exception>
    /// <exception cref="InvalidOperationException">Redirects go round in a loop (more than 20).</exception>
    public async Task<TestResponse> Open(string method, string path, IEnumerable<KeyValuePair<string, string?>>? query = null,
        IEnumerable<KeyValuePair<string, string>>? form = null, object? json = null, string? data = null, string? contentType = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null, bool? followRedirects = null)
    {
        if ((form is not null ? 1 : 0) + (json is not null ? 1 : 0) + (data is not null ? 1 : 0) > 1)
        {
            throw new ArgumentException("Give one body: form, json or data.");
        }
        var uri = query is null ? path : QueryHelpers.AddQueryString(path, query);
        bool withBody = true;
        var headerList = headers?.ToList() ?? [];
        var history = new List<TestResponse>();
        while (true)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), uri) { Content = withBody ? Body(form, json, data, contentType) : null };
            foreach (var (name, value) in headerList)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content ??= new ByteArrayContent([]);
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
            var message = await SendAsync(request);
            var response = new TestResponse(message, await message.Content.ReadAsByteArrayAsync(), app.JsonOptions, [.. history]);
            if (!(followRedirects ?? FollowRedirects) || message.Headers.Location is not { } location || response.Status is < 300 or >= 400)
            {
                return response;
            }
            history.Add(response);
            if (history.Count > MaxRedirects)
            {
                throw new InvalidOperationException($"More than {MaxRedirects} redirects from {path}: the redirects loop.");
            }
            uri = new Uri(message.RequestMessage?.RequestUri ?? new Uri(BaseAddress!, uri), location).ToString();
            if (response.Status is 301 or 302 or 303 && method != "HEAD")
            {
                // As browsers do: a redirected POST becomes a GET without its body (307 and 308 keep both).
                method = "GET";
                withBody = false;
                headerList.RemoveAll(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>
    /// Opens the client's session to read or change it between requests (Flask's <c>client.session_transaction()</c>);
    /// dispose it to store the changes in the client's cookie.
    /// </summary>
    public SessionTransaction SessionTransaction()
    {
        var settings = app.SessionSettings;
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = BaseAddress!.Scheme;
        context.Request.Host = new HostString(BaseAddress.Authority);
        context.Request.PathBase = new PathString(app.ApplicationRoot);
        var header = cookies.Cookies.GetCookieHeader(BaseAddress);
        if (header.Length > 0)
        {
            context.Request.Headers.Cookie = header;
        }
        return new SessionTransaction(context, settings, setCookies =>
        {
            foreach (var setCookie in setCookies)
            {
                cookies.Cookies.SetCookies(BaseAddress, setCookie);
            }
        });
    }

    private HttpContent? Body(IEnumerable<KeyValuePair<string, string>>? form, object? json, string? data, string? contentType)
    {
        if (form is not null)
        {
            return new FormUrlEncodedContent(form);
        }
        if (json is not null)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(json, app.JsonOptions.GetTypeInfo(json.GetType()));
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }
        if (data is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(data));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain; charset=utf-8");
            return content;
        }
        return null;
    }
}
