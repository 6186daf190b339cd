using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using static Flagon.Globals;

namespace Flagon.OpenApi.Tests;

/// <summary>A product in the catalog.</summary>
public sealed record Product(int Id, string Name, decimal Price, IReadOnlyList<string> Tags);

/// <summary>What a client sends to add a product.</summary>
public sealed record NewProduct(string Name, decimal Price);

public enum Shelf { Top, Bottom }

/// <summary>A JSON API in a blueprint, described by the app's OpenAPI document.</summary>
[Blueprint("catalog", UrlPrefix = "/api")]
public partial class CatalogApi
{
    /// <summary>Every product.</summary>
    [Route("/products/")]
    public static Product[] List() => [new(1, "Lamp", 19.5m, ["light"])];

    /// <summary>One product, by its <paramref name="id"/>.</summary>
    /// <remarks>Answers 404 for an unknown product.</remarks>
    /// <param name="id">The product's number.</param>
    [Route("/products/<int(min=1, max=9999):id>")]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(404)]
    public static Product Get(int id) => new(id, "Lamp", 19.5m, []);

    /// <summary>Adds a product.</summary>
    [Route("/products/", Methods = ["POST"], Endpoint = "create")]
    [Authorize]
    public static async Task<Product> Create()
    {
        await Task.Yield();
        var input = Request.Json<NewProduct>()!;
        return new(2, input.Name, input.Price, []);
    }

    [Route("/products/<uuid:key>/<any(json, csv):format>")]
    public static string Export(Guid key, string format) => $"{key}.{format}";


    [Route("/shelves/<shelf>/<float(min=0.5):height>/<path:rest>")]
    public static string Shelf(Shelf shelf, double height, string rest) => $"{shelf} {height} {rest}";

    [Route("/labels/<string(length=3):code>")]
    [Tags("labels")]
    public static string Label(string code) => code;
}

/// <summary>The app's own views: tagged with the app's name.</summary>
public static class SiteViews
{
    [Route("/")]
    public static string Home() => "home";

    [Route("/internal/metrics")]
    [Microsoft.AspNetCore.Routing.ExcludeFromDescription]
    public static string Metrics() => "metrics";
}
