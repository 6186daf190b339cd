using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>Blueprint subclassing: one abstract class of views, served by two blueprints with their own overrides.</summary>
public class BlueprintSubclassTests
{
    private sealed class CatalogApp : App
    {
        public CatalogApp()
            : base([], RouteTableRegistry.Tables)
        {
            RegisterBlueprint<BooksBlueprint>();
            RegisterBlueprint<FilmsBlueprint>();
        }
    }

    [Fact]
    public async Task Views_of_a_base_class_are_served_by_each_blueprint_with_its_overrides()
    {
        using var client = new CatalogApp().TestClient();

        Assert.Equal("books: a,b", (await client.Get("/books/")).Text);
        Assert.Equal("films: x", (await client.Get("/films/")).Text);
        Assert.Equal("book 3", (await client.Get("/books/3")).Text);
        Assert.Equal("film #3 at /films/3", (await client.Get("/films/3")).Text);
        Assert.Equal("a catalog", (await client.Get("/films/about")).Text);
        Assert.Equal("new film", (await client.Get("/films/new")).Text);
        Assert.Equal(404, (await client.Get("/books/new")).Status);
    }

    [Fact]
    public void Inherited_views_get_endpoints_and_typed_url_builders_per_blueprint()
    {
        var app = new CatalogApp();
        using (app.AppContext())
        {
            Assert.Equal("/books/", UrlFor.BooksBlueprint.List());
            Assert.Equal("/films/7", UrlFor.FilmsBlueprint.Show(id: 7));
            Assert.Equal("/books/7", Url.For("books.show", new Dictionary<string, object?> { ["id"] = 7 }));
        }
        Assert.Contains(app.UrlMap, r => r.Endpoint == "films.new");
        Assert.DoesNotContain(app.UrlMap, r => r.Endpoint == "list");
    }

    [Fact]
    public async Task Generated_filters_serve_every_view_and_a_blueprints_context_processor_only_its_own()
    {
        using var client = new CatalogApp().TestClient();

        var app = await client.Get("/tpl/functions");
        var books = await client.Get("/books/functions");

        Assert.Equal("cba ab-ab-ab generated site ", app.Text);
        Assert.Equal("cba ab-ab-ab generated site books", books.Text);
        using (new CatalogApp().AppContext())
        {
            Assert.Equal("[5]", System.Text.Encoding.UTF8.GetString(Template.RenderString("{{ 5 | shelf }}").Body.Span));
        }
    }
}
