using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Hosting;
using Flagon.Routing;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.OpenApi.Tests;

/// <summary>
/// The OpenAPI document of an app's compiled routes (Flagon.OpenApi on ASP.NET Core's OpenAPI): paths, converters as
/// schemas, JSON types, endpoint names, blueprints as tags, doc comments; valid against the OpenAPI 3.1 schema.
/// </summary>
public class OpenApiTests
{
    private sealed class ApiApp(params string[] args) : App(args, RouteTableRegistry.Tables);

    private static App CatalogApp()
    {
        var app = new ApiApp("--applicationName", "catalog-app").RegisterBlueprint<CatalogApi>();
        app.Services.AddAuthorization();
        app.Services.AddFlagonOpenApi();
        app.Use(web => web.MapOpenApi());
        return app;
    }

    private static async Task<JsonNode> Document(App app, string url = "/openapi/v1.json")
    {
        using var client = app.TestClient();
        var response = await client.Get(url);
        Assert.Equal(200, response.Status);
        return JsonNode.Parse(response.Text)!;
    }

    [Fact]
    public async Task Rules_are_paths_and_their_methods_operations_named_after_their_endpoints()
    {
        var document = await Document(CatalogApp());

        Assert.StartsWith("3.1", (string)document["openapi"]!);
        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            ["/", "/api/labels/{code}", "/api/products/", "/api/products/{id}", "/api/products/{key}/{format}", "/api/shelves/{shelf}/{height}/{rest}"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        // Left out: the static files' rule (/static/<path:filename>) and views marked [ExcludeFromDescription].
        Assert.Contains("/static/<path:filename>", CatalogApp().UrlMap.Select(r => r.Pattern));
        // HEAD and the automatic OPTIONS are not operations; the trailing slash of /products/ is kept.
        Assert.Equal(["get", "post"], paths["/api/products/"]!.AsObject().Select(o => o.Key).Order());
        Assert.Equal("catalog.list", (string)paths["/api/products/"]!["get"]!["operationId"]!);
        Assert.Equal("catalog.create", (string)paths["/api/products/"]!["post"]!["operationId"]!);
        // The blueprint is the tag, unless the view says otherwise.
        Assert.Equal("catalog", (string)paths["/api/products/{id}"]!["get"]!["tags"]![0]!);
        Assert.Equal("labels", (string)paths["/api/labels/{code}"]!["get"]!["tags"]![0]!);
        Assert.Equal("catalog-app", (string)paths["/"]!["get"]!["tags"]![0]!); // the app's own views: the app's name
    }

    [Fact]
    public async Task Doc_comments_are_summaries_descriptions_and_parameter_descriptions()
    {
        var get = (await Document(CatalogApp()))["paths"]!["/api/products/{id}"]!["get"]!;

        Assert.Equal("One product, by its id.", (string)get["summary"]!);
        Assert.Equal("Answers 404 for an unknown product.", (string)get["description"]!);
        Assert.Equal("The product's number.", (string)get["parameters"]![0]!["description"]!);
    }

    [Fact]
    public async Task Converters_and_their_options_are_the_path_parameters_schemas()
    {
        var paths = (await Document(CatalogApp()))["paths"]!;
        JsonNode Schema(string path, int index) => paths[path]!["get"]!["parameters"]![index]!["schema"]!;
        static string Json(JsonNode node) => node.ToJsonString();

        var id = Schema("/api/products/{id}", 0);
        Assert.Equal(("integer", "int32", "1", "9999"), ((string)id["type"]!, (string)id["format"]!, Json(id["minimum"]!), Json(id["maximum"]!)));
        var key = Schema("/api/products/{key}/{format}", 0);
        Assert.Equal(("string", "uuid"), ((string)key["type"]!, (string)key["format"]!));
        Assert.Equal(["json", "csv"], Schema("/api/products/{key}/{format}", 1)["enum"]!.AsArray().Select(v => (string)v!));
        // An enum parameter inferred as any: its members, as the URL spells them.
        Assert.Equal(["top", "bottom"], Schema("/api/shelves/{shelf}/{height}/{rest}", 0)["enum"]!.AsArray().Select(v => (string)v!));
        var height = Schema("/api/shelves/{shelf}/{height}/{rest}", 1);
        Assert.Equal(("number", "0.5"), ((string)height["type"]!, Json(height["minimum"]!)));
        Assert.Equal("string", (string)Schema("/api/shelves/{shelf}/{height}/{rest}", 2)["type"]!);
        var code = Schema("/api/labels/{code}", 0);
        Assert.Equal((3, 3, "^[^/]*$"), ((int)code["minLength"]!, (int)code["maxLength"]!, (string)code["pattern"]!));
        Assert.All(paths["/api/shelves/{shelf}/{height}/{rest}"]!["get"]!["parameters"]!.AsArray(), p =>
            Assert.Equal(("path", true), ((string)p!["in"]!, (bool)p["required"]!)));
    }

    [Fact]
    public async Task Json_returned_and_read_are_schemas_of_their_types()
    {
        var document = await Document(CatalogApp());
        var products = document["paths"]!["/api/products/"]!;

        var listed = products["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("array", (string)listed["type"]!);
        Assert.Equal("#/components/schemas/Product", (string)listed["items"]!["$ref"]!);
        var body = products["post"]!["requestBody"]!;
        Assert.Equal("#/components/schemas/NewProduct", (string)body["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.True((bool)body["required"]!);
        var product = document["components"]!["schemas"]!["Product"]!;
        Assert.Equal(["id", "name", "price", "tags"], product["properties"]!.AsObject().Select(p => p.Key));
        // An attribute adds responses; the type's 200 stays (one per status code).
        var get = document["paths"]!["/api/products/{id}"]!["get"]!["responses"]!;
        Assert.Equal(["200", "404"], get.AsObject().Select(r => r.Key));
        Assert.Equal("Not Found", (string)get["404"]!["description"]!);
        // A view that returns a string is a page, not JSON: a plain 200.
        Assert.Null(document["paths"]!["/api/labels/{code}"]!["get"]!["responses"]!["200"]!["content"]?["application/json"]);
    }

    [Fact]
    public async Task The_document_is_valid_against_the_OpenAPI_3_1_schema()
    {
        var document = await Document(CatalogApp());
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "openapi-3.1.schema.json"));

        var result = schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public async Task The_schema_check_catches_an_invalid_document()
    {
        var document = await Document(CatalogApp());
        document["paths"]!["/api/products/{id}"]!["get"]!["parameters"]![0]!["in"] = "body"; // OpenAPI 2's, not 3.1's
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "openapi-3.1.schema.json"));

        Assert.False(schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public async Task A_document_of_one_blueprint_chooses_its_views_by_their_rule()
    {
        var app = new ApiApp("--applicationName", "catalog-app").RegisterBlueprint<CatalogApi>();
        app.Services.AddAuthorization();
        app.Services.AddFlagonOpenApi("catalog", options => options.ShouldInclude = d => d.FlagonRule()?.Blueprint == "catalog");
        app.Use(web => web.MapOpenApi());

        var document = await Document(app, "/openapi/catalog.json");

        Assert.All(document["paths"]!.AsObject(), p => Assert.StartsWith("/api/", p.Key));
        Assert.Equal(5, document["paths"]!.AsObject().Count);
    }

    [Fact]
    public async Task An_app_mapped_under_a_prefix_of_a_larger_host_has_the_prefix_in_its_paths()
    {
        var api = new ApiApp("--applicationName", "catalog-app").ServeViews().RegisterBlueprint<CatalogApi>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddFlagon(api);
        builder.Services.AddAuthorization();
        builder.Services.AddFlagonOpenApi();
        await using var web = builder.Build();
        web.MapFlagon("/shop", api);
        web.MapOpenApi("/docs/{documentName}.json");
        await web.StartAsync();

        var text = await web.GetTestClient().GetStringAsync("/docs/v1.json");

        var paths = JsonNode.Parse(text)!["paths"]!.AsObject();
        Assert.Contains("/shop/api/products/{id}", paths.Select(p => p.Key));
        Assert.DoesNotContain(paths, p => !p.Key.StartsWith("/shop/", StringComparison.Ordinal));
    }
}
