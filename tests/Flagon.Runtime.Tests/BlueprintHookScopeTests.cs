using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>A blueprint registered without a URL prefix: its hooks must still run for its views, and only for them.</summary>
[Blueprint("open")]
public partial class OpenBlueprint
{
    [Route("/open/page")]
    public static string Page() => "open page";

    [BeforeRequest]
    public static string? Gate(Microsoft.AspNetCore.Http.HttpRequest request) => request.Query.ContainsKey("block") ? "blocked by open" : null;

    [AfterRequest]
    public static void Stamp(Response response) => response.Headers["X-Open"] = "yes";
}

/// <summary>
/// A blueprint's request hooks run for the requests its rules match (Flask's <c>request.blueprint</c>), not for every
/// path under its URL prefix: not for a 404 there, and whatever its prefix, empty included.
/// </summary>
public class BlueprintHookScopeTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    private sealed class OpenApp : App
    {
        public OpenApp()
            : base([], RouteTableRegistry.Tables) => RegisterBlueprint<OpenBlueprint>();
    }

    [Fact]
    public async Task The_hooks_of_a_blueprint_without_a_prefix_run_for_its_views()
    {
        using var client = new OpenApp().TestClient();

        var page = await client.Get("/open/page");
        var blocked = await client.Get("/open/page", query: new Dictionary<string, string?> { ["block"] = "1" });
        var appView = await client.Get("/", query: new Dictionary<string, string?> { ["block"] = "1" });

        Assert.Equal((200, "open page", "yes"), (page.Status, page.Text, page.Header("X-Open")));
        Assert.Equal("blocked by open", blocked.Text);
        Assert.Equal((200, "index", null), (appView.Status, appView.Text, appView.Header("X-Open")));
    }

    [Fact]
    public async Task A_404_under_a_blueprints_prefix_does_not_run_its_hooks()
    {
        var missing = await harness.SendAsync(Transport.InProcess, "GET", "/hooked/no-such-page?block=1");

        Assert.Equal(404, missing.Status);
        Assert.Equal("app", missing.Header("X-Order"));
    }
}
