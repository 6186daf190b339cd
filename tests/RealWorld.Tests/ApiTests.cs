using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RealWorld.Data;

namespace RealWorld.Tests;

/// <summary>The JSON API over the pages, its OpenAPI document and its reference page.</summary>
public class ApiTests
{
    private static void AddPages(Site site, params string[] titles)
    {
        using var scope = site.App.ApplicationServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDb>();
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var title in titles)
        {
            at = at.AddDays(1);
            db.Pages.Add(new Page { Title = title, Body = $"about {title}", CreatedUtc = at, UpdatedUtc = at });
        }
        db.SaveChanges();
    }

    [Fact]
    public async Task The_api_lists_pages_newest_first_and_shows_one_or_a_404()
    {
        using var site = new Site();
        AddPages(site, "first", "second");

        var list = await site.Client.Get("/api/pages/");
        var one = await site.Client.Get("/api/pages/1");
        var missing = await site.Client.Get("/api/pages/99");

        Assert.Equal(("application/json", 200), (list.ContentType, list.Status));
        Assert.Equal(["second", "first"], JsonNode.Parse(list.Text)!.AsArray().Select(p => (string)p!["title"]!));
        Assert.Equal(("first", "about first"), ((string)JsonNode.Parse(one.Text)!["title"]!, (string)JsonNode.Parse(one.Text)!["body"]!));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_from_its_rules_and_doc_comments()
    {
        using var site = new Site();

        var response = await site.Client.Get("/openapi/v1.json");
        var document = JsonNode.Parse(response.Text)!;

        Assert.Equal(200, response.Status);
        Assert.Equal("RealWorld pages API", (string)document["info"]!["title"]!);
        var get = document["paths"]!["/api/pages/{pk}"]!["get"]!;
        Assert.Equal(("api.get_page", "One page, with its text.", "api"), ((string)get["operationId"]!, (string)get["summary"]!, (string)get["tags"]![0]!));
        Assert.Equal(("integer", "1"), ((string)get["parameters"]![0]!["schema"]!["type"]!, get["parameters"]![0]!["schema"]!["minimum"]!.ToJsonString()));
        Assert.Equal("#/components/schemas/PageDocument", (string)get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.Equal("api.list_pages", (string)document["paths"]!["/api/pages/"]!["get"]!["operationId"]!);
        Assert.Equal(["/api/pages/", "/api/pages/{pk}"], document["paths"]!.AsObject().Select(p => p.Key).Order()); // the API only
    }

    [Fact]
    public async Task The_build_writes_the_same_document_into_the_build_output()
    {
        using var site = new Site();
        var served = JsonNode.Parse((await site.Client.Get("/openapi/v1.json")).Text)!;
        // The sample's own output folder (this test's is another): bin/<configuration>/net10.0/RealWorld.json.
        var output = Path.GetDirectoryName(typeof(AppFactory).Assembly.Location)!.Replace(
            Path.Combine("tests", "RealWorld.Tests"), Path.Combine("samples", "RealWorld"), StringComparison.Ordinal);

        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "RealWorld.json")))!;

        served.AsObject().Remove("servers"); // the served one names the request's host
        Assert.True(JsonNode.DeepEquals(served, written), written.ToJsonString());
    }

    [Fact]
    public async Task The_api_reference_page_is_served_with_its_script()
    {
        using var site = new Site();

        var redirect = await site.Client.Get("/api/docs");
        var page = await site.Client.Get("/api/docs/");
        var script = await site.Client.Get("/api/docs/scalar.js");

        Assert.Equal(302, redirect.Status);
        Assert.Equal("docs/", redirect.Location); // relative: /api/docs/
        Assert.Equal((200, "text/html"), (page.Status, page.ContentType?.Split(';')[0]));
        Assert.Contains("scalar.js", page.Text);
        Assert.Equal(200, script.Status);
        Assert.True(script.Text.Length > 100_000, $"the reference page's script is {script.Text.Length} characters");
    }
}
