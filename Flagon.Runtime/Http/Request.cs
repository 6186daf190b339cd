using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Flagon.Contexts;
using Flagon.Generators.Shared;
using Microsoft.AspNetCore.Http;

namespace Flagon.Http;

/// <summary>
/// The current request, read only, as Flask's <c>request</c> shows it: method, path, URL, host, args, form,
/// files, JSON body, headers, cookies, remote address and a WSGI-like environ. It wraps ASP.NET Core's
/// <see cref="HttpRequest"/> (<see cref="Inner"/>) and copies nothing until asked.
/// </summary>
public sealed class Request
{
    private readonly HttpContext http;
    private readonly Scope scope;

    internal Request(HttpContext http, Scope scope)
    {
        this.http = http;
        this.scope = scope;
    }

    /// <summary>ASP.NET Core's request, for what Flagon does not wrap.</summary>
    public HttpRequest Inner => http.Request;

    /// <summary>The request's HttpContext.</summary>
    internal HttpContext Context => http;

    /// <summary>The method, upper case: <c>GET</c>.</summary>
    public string Method => http.Request.Method;

    /// <summary>The path within the app: <c>/page/1</c>.</summary>
    public string Path => http.Request.Path.Value is { Length: > 0 } path ? path : "/";

    /// <summary>The path and query: <c>/page/1?x=y</c> (Flask's <c>full_path</c>).</summary>
    public string FullPath => Path + "?" + (http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : string.Empty);

    /// <summary>The scheme: <c>http</c> or <c>https</c>.</summary>
    public string Scheme => http.Request.Scheme;

    /// <summary>
    /// Whether the request came over HTTPS (Flask's <c>is_secure</c>); behind a proxy, as ASP.NET Core's forwarded headers
    /// middleware says when the app trusts the proxy.
    /// </summary>
    public bool IsSecure => http.Request.IsHttps;

    /// <summary>The host and port the client asked for: <c>localhost:5000</c>.</summary>
    public string Host => http.Request.Host.Value ?? string.Empty;

    /// <summary>Scheme, host and the app's mount path, ending with <c>/</c> (Flask's <c>host_url</c>/<c>url_root</c>).</summary>
    public string UrlRoot => $"{Scheme}://{Host}{UrlQuoting.UriToIri(http.Request.PathBase.ToUriComponent())}/";

    /// <summary>
    /// The URL without the query (Flask's <c>base_url</c>), written as Werkzeug writes it: characters a URL cannot hold
    /// percent-encoded (<c>/a%20b</c>), letters of any script as they are (<c>/лошадь</c>).
    /// </summary>
    public string BaseUrl => $"{Scheme}://{Host}{UrlQuoting.UriToIri(http.Request.PathBase.ToUriComponent() + new PathString(Path).ToUriComponent())}";

    /// <summary>The whole URL (Flask's <c>url</c>): <see cref="BaseUrl"/> and the query, if there is one.</summary>
    public string Url => http.Request.QueryString.Value is { Length: > 1 } query ? BaseUrl + UrlQuoting.UriToIri(query) : BaseUrl;


    /// <summary>The endpoint the URL matched (Flask's <c>request.endpoint</c>): <c>page</c>, <c>admin.user</c>; null when no rule matched.</summary>
    public string? Endpoint => scope.Route.Endpoint;

    /// <summary>The matched rule (Flask's <c>request.url_rule</c>), or null.</summary>
    public Routing.Rule? UrlRule => scope.Route.Rule;

    /// <summary>
    /// The values the URL gave the rule's variables, and the rule's <c>Defaults</c> (Flask's <c>request.view_args</c>),
    /// as text, by name; empty when no rule matched.
    /// </summary>
    public IReadOnlyDictionary<string, string> ViewArgs => scope.ViewArgs;

    /// <summary>The name of the blueprint whose rule matched (Flask's <c>request.blueprint</c>): <c>admin.reports</c>; null for an app view.</summary>
    public string? Blueprint => scope.Blueprint?.Name;

    /// <summary>That blueprint and its parents, innermost first (Flask's <c>request.blueprints</c>).</summary>
    public IReadOnlyList<string> Blueprints => [.. scope.Blueprints.Select(b => b.Name)];

    /// <summary>The query string values (Flask's <c>args</c>).</summary>
    public IQueryCollection Args => http.Request.Query;

    /// <summary>The body's content type, with its parameters: <c>application/json; charset=utf-8</c>, or null (Flask's <c>content_type</c>).</summary>
    public string? ContentType => http.Request.ContentType;

    /// <summary>The headers.</summary>
    public IHeaderDictionary Headers => http.Request.Headers;

    /// <summary>The cookies.</summary>
    public IRequestCookieCollection Cookies => http.Request.Cookies;

    /// <summary>The client's address (Flask's <c>remote_addr</c>).</summary>
    public string? RemoteAddr => http.Connection.RemoteIpAddress?.ToString();

    /// <summary>The form values of a form post; empty for other requests. Flagon reads the form before the view runs.</summary>
    public IFormCollection Form => http.Request.HasFormContentType && http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
        ? form
        : FormCollection.Empty;

    /// <summary>The uploaded files of a multipart form post.</summary>
    public IFormFileCollection Files => Form.Files;

    /// <summary>The raw body of a non-form request (Flask's <c>get_data()</c>); Flagon reads it before the view runs.</summary>
    public ReadOnlyMemory<byte> Data => scope.Body ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>Whether the body is JSON (Flask's <c>is_json</c>).</summary>
    public bool IsJson => http.Request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The JSON body as <typeparamref name="T"/> (Flask's <c>get_json()</c>), read with a source-generated (trim-safe)
    /// type info. As in Flask, a body not declared JSON (<see cref="IsJson"/>) is not read: a 415, so a cross-site form
    /// post cannot reach a JSON view.
    /// </summary>
    /// <param name="typeInfo">The type info of <typeparamref name="T"/>.</param>
    /// <param name="force">Read the body as JSON whatever its content type.</param>
    /// <param name="silent">Return default instead of failing when the body is not JSON or not valid.</param>
    /// <exception cref="HttpError">415 when the body is not declared JSON; 400 when it is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? Json<T>(JsonTypeInfo<T> typeInfo, bool force = false, bool silent = false) =>
        ReadJson(force, silent, data => JsonSerializer.Deserialize(data, typeInfo));

    /// <summary>The JSON body as <typeparamref name="T"/> (Flask's <c>get_json()</c>), read by reflection; see the other overload.</summary>
    /// <exception cref="HttpError">415 when the body is not declared JSON; 400 when it is not valid JSON for <typeparamref name="T"/>.</exception>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Reads T by reflection; pass a JsonTypeInfo<T> when trimming.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Reads T by reflection; pass a JsonTypeInfo<T> under Native AOT.")]
    public T? Json<T>(bool force = false, bool silent = false) =>
        ReadJson(force, silent, data => JsonSerializer.Deserialize<T>(data, JsonSerializerOptions.Web));

    private delegate T? JsonReader<T>(ReadOnlySpan<byte> data);

    private T? ReadJson<T>(bool force, bool silent, JsonReader<T> read)
    {
        if (!force && !IsJson)
        {
            return silent
                ? default
                : throw new HttpError(415, "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
        }
        try
        {
            return read(Data.Span);
        }
        catch (JsonException ex) when (!silent)
        {
            // Flask's on_json_loading_failure: the parser's message only in debug mode; otherwise the plain 400 page,
            // which tells a client nothing of the app's parser.
            throw scope.App.Debug ? new HttpError(400, "Failed to decode JSON object: " + ex.Message, ex) : new HttpError(400, innerException: ex);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>
    /// The request as a WSGI environ would show it (the seed's <c>/environ</c> page): the CGI names, <c>CONTENT_TYPE</c>,
    /// <c>CONTENT_LENGTH</c> and one <c>HTTP_</c> entry per other header, sorted by name; made anew on each read.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environ => RequestEnviron.Of(http);

    /// <summary><c>&lt;Request 'http://localhost/page/1' [GET]&gt;</c>, as Flask prints a request.</summary>
    public override string ToString() => $"<Request '{Url}' [{Method}]>";
}
