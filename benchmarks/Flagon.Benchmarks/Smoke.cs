using Flagon.Routing;

namespace Flagon.Benchmarks;

/// <summary>
/// Checks that every benchmark measures what it claims: each GitHub route's path matches its own endpoint in
/// Flagon's table and in ASP.NET Core's routing, and each benchmark method runs once. Run by the test suite;
/// `dotnet run -c Release -- --smoke` runs it by hand.
/// </summary>
// The benchmarks' Setup pushes the app context their UrlFor and template benchmarks run in.
#pragma warning disable FLG0202
public static class Smoke
{
    /// <summary>Returns the problems found; empty when all is well.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync()
    {
        var problems = new List<string>();
        var routes = GitHubRoute.Load();
        if (routes.Count != 203)
        {
            problems.Add($"expected 203 routes, read {routes.Count}");
        }
        var table = RouteTableRegistry.Tables.Single();
        foreach (var route in routes)
        {
            var match = table.Match(route.Path, route.Method);
            var endpoint = match.Status == MatchStatus.Matched ? table.Rules[match.RuleIndex].Endpoint : match.Status.ToString();
            if (endpoint != route.Endpoint)
            {
                problems.Add($"Flagon: {route.Method} {route.Path} -> {endpoint}, expected {route.Endpoint}");
            }
        }

        var benchmarks = new RoutingBenchmarks();
        benchmarks.SetupInAppContext();
        foreach (var route in routes)
        {
            var endpoint = await benchmarks.AspNetEndpointFor(route);
            if (endpoint != route.AspNetPattern)
            {
                problems.Add($"ASP.NET Core: {route.Method} {route.Path} -> {endpoint}, expected {route.AspNetPattern}");
            }
        }
        if (benchmarks.FlagonMatchAll() != routes.Count)
        {
            problems.Add("FlagonMatchAll did not match every route");
        }
        await benchmarks.FlagonDelegateAll();
        foreach (var (route, status, endpoint) in await benchmarks.FlagonServerFeaturesAnswersAsync())
        {
            if (status != 200 || endpoint != route.Endpoint)
            {
                problems.Add($"Flagon over server-shaped features: {route.Method} {route.Path} -> {status}, endpoint {endpoint}, expected 200 and {route.Endpoint}");
            }
        }
        var aspNetServerEndpoints = await benchmarks.AspNetServerFeaturesEndpointsAsync();
        foreach (var (route, endpoint) in routes.Zip(aspNetServerEndpoints))
        {
            if (endpoint != route.AspNetPattern)
            {
                problems.Add($"ASP.NET Core over server-shaped features: {route.Method} {route.Path} -> {endpoint}, expected {route.AspNetPattern}");
            }
        }
        await benchmarks.FlagonTableInvokeAll();
        await benchmarks.AspNetRoutingAll();
        if (await benchmarks.AspNetMatcherAll() is var aspNetMatched && aspNetMatched != benchmarks.FlagonMatchAll())
        {
            problems.Add($"ASP.NET Core's matcher alone matched {aspNetMatched} routes, Flagon's {benchmarks.FlagonMatchAll()}");
        }
        benchmarks.FlagonMatchStatic();
        benchmarks.FlagonMatchParams();
        if (benchmarks.UrlForStatic() != "/user/repos" || benchmarks.UrlForParams() != "/repos/julienschmidt/httprouter/stargazers")
        {
            problems.Add($"UrlFor built {benchmarks.UrlForStatic()} and {benchmarks.UrlForParams()}");
        }
        benchmarks.Cleanup();

        var hello = new HelloBenchmarks();
        hello.Setup();
        var (flagonStatus, flagonLength, aspNetStatus, _) = await hello.Answers();
        if (flagonStatus != 200 || flagonLength != "Hello World!".Length || aspNetStatus != 200)
        {
            problems.Add($"Hello: Flagon answered {flagonStatus} with {flagonLength} bytes, ASP.NET Core {aspNetStatus}");
        }
        var (hookedStatus, hookedLength, hookedHeader) = await hello.HookedAnswer();
        if (hookedStatus != 200 || hookedLength != "Hello World!".Length || hookedHeader != "1")
        {
            problems.Add($"Hello behind a hook: {hookedStatus}, {hookedLength} bytes, X-Hooked {hookedHeader}");
        }
        var responseStatus = await hello.FlagonHelloResponse();
        if (responseStatus != 200)
        {
            problems.Add($"Hello as a Response: {responseStatus}");
        }
        var pipelineStatus = await hello.FlagonPipelineHello();
        if (pipelineStatus != 200)
        {
            problems.Add($"Hello through the pipeline: {pipelineStatus}");
        }
        hello.Cleanup();

        var template = new TemplateBenchmarks();
        template.Setup();
        var page = template.FlagonRenderTemplate();
        if (System.Text.Encoding.UTF8.GetByteCount(page) != 191 || !page.Contains("<li>three &amp; four</li>", StringComparison.Ordinal) || !page.Contains("<li>&lt;two&gt;</li>", StringComparison.Ordinal))
        {
            problems.Add($"template: rendered {System.Text.Encoding.UTF8.GetByteCount(page)} bytes, expected the 191-byte page:\n{page}");
        }
        if (template.FluidDirect() != page)
        {
            problems.Add($"template: Fluid used directly renders another page than Flagon:\n{template.FluidDirect()}");
        }
        var response = template.FlagonRenderResponse();
        if (!response.Body.Span.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(page)) || response.ContentType != "text/html; charset=utf-8")
        {
            problems.Add($"template: the rendered response ({response.ContentType}) holds another page than RenderText:\n{response.Text}");
        }
        template.Cleanup();
        return problems;
    }
}
