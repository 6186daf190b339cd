using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>An app made by a factory serves the app-level view classes it chooses (all by default).</summary>
public class ServedViewsTests
{
    private sealed class FactoryApp(string name) : App(["--applicationName", name], RouteTableRegistry.Tables);

    private static App CreateApp(string name) => name switch
    {
        "frontend" => new FactoryApp(name).ServeViews(typeof(FrontendViews)),
        "backend" => new FactoryApp(name).ServeViews(typeof(BackendViews)),
        _ => new FactoryApp(name),
    };

    [Fact]
    public async Task Each_app_answers_with_its_own_view_classes_only()
    {
        using var front = CreateApp("frontend").TestClient();
        using var back = CreateApp("backend").TestClient();
        using var both = CreateApp("everything").TestClient();

        Assert.Equal((200, "front /front"), ((await front.Get("/front")).Status, (await front.Get("/front")).Text));
        Assert.Equal(404, (await front.Get("/back")).Status);
        Assert.Equal(404, (await front.Get("/back/1")).Status);
        Assert.Equal(404, (await back.Get("/front")).Status);
        Assert.Equal("back 7", (await back.Get("/back/7")).Text);
        Assert.Equal(200, (await both.Get("/front")).Status);
        Assert.Equal(200, (await both.Get("/back")).Status);
    }

    [Fact]
    public void Urls_and_the_url_map_leave_out_the_views_an_app_does_not_serve()
    {
        var front = CreateApp("frontend");

        Assert.Contains(front.UrlMap, r => r.Endpoint == "front_index");
        Assert.DoesNotContain(front.UrlMap, r => r.Endpoint.StartsWith("back_", StringComparison.Ordinal));
        Assert.DoesNotContain(front.UrlMap, r => r.Endpoint == "index");
        using (front.AppContext())
        {
            Assert.Equal("/front", Url.For("front_index"));
            Assert.Throws<UrlBuildException>(() => Url.For("back_index"));
        }
    }

    [Fact]
    public void A_class_without_app_level_views_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new FactoryApp("x").ServeViews(typeof(AdminBlueprint)));

        Assert.Contains("Flagon.Runtime.Tests.AdminBlueprint", error.Message);
    }
}
