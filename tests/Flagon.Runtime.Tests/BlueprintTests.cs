using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>Blueprints mounted at run time: prefixes, two registrations of one blueprint, their URLs.</summary>
// One test builds an unknown endpoint on purpose, to see the run-time error behind FLG0110.
#pragma warning disable FLG0110
public class BlueprintTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData(Transport.InProcess, "/admin/", 200, "Hello from blueprint!")]
    [InlineData(Transport.Http, "/admin/", 200, "Hello from blueprint!")]
    [InlineData(Transport.InProcess, "/staff/", 200, "Hello from blueprint!")]
    [InlineData(Transport.Http, "/admin/users/3", 200, "admin user id=3")]
    [InlineData(Transport.InProcess, "/staff/users/4", 200, "admin user id=4")]
    [InlineData(Transport.Http, "/admin/users/x", 404, null)]
    [InlineData(Transport.InProcess, "/administrator", 404, null)]
    public async Task Blueprint_views_answer_under_each_prefix(Transport transport, string target, int status, string? body)
    {
        var response = await harness.SendAsync(transport, "GET", target);

        Assert.Equal(status, response.Status);
        if (body is not null)
        {
            Assert.Equal(body, response.Body);
        }
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task The_prefix_without_its_slash_redirects_to_the_blueprints_root(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/admin?x=1");

        Assert.Equal(308, response.Status);
        Assert.Equal("/admin/?x=1", response.Header("Location"));
    }

    [Theory]
    [InlineData(Transport.InProcess, "/admin/links", "/admin/users/5 /admin/ / /")]
    [InlineData(Transport.Http, "/staff/links", "/staff/users/5 /staff/ / /")]
    public async Task Inside_a_blueprint_request_urls_use_its_own_registration(Transport transport, string target, string body)
    {
        var response = await harness.SendAsync(transport, "GET", target);

        Assert.Equal(body, response.Body);
    }

    [Fact]
    public void Endpoints_are_named_blueprint_dot_view_and_built_by_name()
    {
        using (harness.App.AppContext())
        {
            Assert.Equal("/admin/users/3", Url.For("admin.user", new Dictionary<string, object?> { ["id"] = 3 }));
            Assert.Equal("/staff/users/3", Url.For("staff.user", new Dictionary<string, object?> { ["id"] = 3 }));
            Assert.Equal("/admin/users/3", UrlFor.AdminBlueprint.User(id: 3));
            Assert.Equal("/admin/", UrlFor.AdminBlueprint.Hello());
            Assert.Contains("no such endpoint", Assert.Throws<UrlBuildException>(() => Url.For("admin.nope")).Message);
        }
    }

    [Fact]
    public void The_url_map_lists_blueprint_rules_as_mounted()
    {
        var map = harness.App.UrlMap;

        var admin = map.Single(r => r.Endpoint == "admin.user");
        var staff = map.Single(r => r.Endpoint == "staff.user");
        Assert.Equal(("/admin/users/<int:id>", "admin"), (admin.Pattern, admin.Blueprint));
        Assert.Equal(("/staff/users/<int:id>", "staff"), (staff.Pattern, staff.Blueprint));
        Assert.Equal(["admin", "staff", "admin.reports", "hooked", "typed"], harness.App.Blueprints);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_nested_blueprint_answers_under_its_parents_prefix(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/admin/reports/2024");

        Assert.Equal("reports year=2024 /admin/reports/2025", response.Body);
        using (harness.App.AppContext())
        {
            Assert.Equal("/admin/reports/1999", Url.For("admin.reports.year", new Dictionary<string, object?> { ["year"] = 1999 }));
            Assert.Equal("/admin/reports/1999", UrlFor.ReportsBlueprint.Year(year: 1999));
        }
        Assert.Contains(harness.App.UrlMap, r => r.Endpoint == "admin.reports.year" && r.Pattern == "/admin/reports/<int:year>");
    }

    [Fact]
    public void Nesting_needs_the_parent_registered_first()
    {
        var error = Assert.Throws<ArgumentException>(() => new FreshApp().RegisterBlueprint<ReportsBlueprint>(parent: "nope"));

        Assert.Contains("No blueprint is registered under the name 'nope'", error.Message);
    }

    [Fact]
    public void A_name_can_be_registered_only_once()
    {
        var app = new FreshApp().RegisterBlueprint<AdminBlueprint>();
        var error = Assert.Throws<ArgumentException>(() => app.RegisterBlueprint<AdminBlueprint>(urlPrefix: "/other"));

        Assert.Contains("'admin' is already registered", error.Message);
    }

    private sealed class FreshApp() : App([], Routing.RouteTableRegistry.Tables);
}
