using Flagon.Routing;
using Microsoft.AspNetCore.Http;

namespace Flagon.StaticFiles;

/// <summary>
/// Flask's built-in <c>static</c> endpoint: <c>/static/&lt;path:filename&gt;</c>, served by
/// <see cref="App.SendStaticFile"/> from the app's static folder, and built by <c>Url.For("static", …)</c>.
/// Tried after every other rule, so an app's own rule under /static wins.
/// </summary>
internal sealed class StaticRouteTable(App app) : RouteTable
{
    private static readonly string[] Methods = ["GET", "HEAD", "OPTIONS"];

    public override IReadOnlyList<Rule> Rules => [new("static", app.StaticUrlPath + "/<path:filename>", Methods)];

    public override IReadOnlyList<string> MethodNames => Methods;

    public override RouteMatch Match(ReadOnlySpan<char> path, string method, RuleSet? excluded)
    {
        var prefix = app.StaticUrlPath;
        if (path.Length <= prefix.Length + 1 || !path.StartsWith(prefix, StringComparison.Ordinal) || path[prefix.Length] != '/'
            || !Converters.IsPath(path[(prefix.Length + 1)..]))
        {
            return default;
        }
        var match = new RouteMatch { RuleIndex = 0 };
        match.Values[0] = new Range(prefix.Length + 1, path.Length);
        match.Status = method is "GET" or "HEAD" ? MatchStatus.Matched : MatchStatus.MethodNotAllowed;
        match.AllowedMethods = 0b111;
        return match;
    }

    public override ValueTask InvokeAsync(HttpContext context, ReadOnlySpan<char> path, in RouteMatch match) =>
        Http.ResponseWriter.WriteResponse(context, app.SendStaticFile(Converters.ToValue(path[match.Values[0]])));

    public override string? BuildUrl(string endpoint, string prefix, UrlValues values, string? anchor, bool external)
    {
        if (endpoint != "static")
        {
            return null;
        }
        var url = new UrlWriter(stackalloc char[256]);
        UrlContext.Begin(ref url, prefix, external);
        url.AppendLiteral(Generators.Shared.UrlQuoting.QuotePath(app.StaticUrlPath + "/"));
        url.AppendPath(UrlChecks.Path(endpoint, "filename", values.Required<string>("filename")));
        return UrlContext.End(ref url, values.Query("filename"), anchor);
    }
}
