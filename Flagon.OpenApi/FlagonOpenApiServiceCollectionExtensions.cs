using Flagon.OpenApi;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds an OpenAPI document of the Flagon apps in a host.</summary>
public static class FlagonOpenApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds ASP.NET Core's OpenAPI document <paramref name="documentName"/> (<c>AddOpenApi</c>) and describes the
    /// Flagon apps' rules in it: paths from the rules, each variable's converter as its schema, methods, JSON request
    /// and response types, endpoint names as operation ids, blueprints as tags, doc comments as summaries. Serve it
    /// with ASP.NET Core's <c>MapOpenApi()</c> (at <c>/openapi/{documentName}.json</c> unless told otherwise).
    /// </summary>
    /// <param name="services">The host's services (<c>app.Services</c>, or a <c>WebApplicationBuilder</c>'s).</param>
    /// <param name="documentName">The document's name: <c>v1</c> unless told.</param>
    /// <param name="configure">Further options of ASP.NET Core's (title and version, transformers, OpenAPI version).</param>
    public static IServiceCollection AddFlagonOpenApi(this IServiceCollection services, string documentName = "v1", Action<OpenApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiDescriptionProvider, FlagonApiDescriptionProvider>());
        services.AddOpenApi(documentName, options =>
        {
            options.AddDocumentTransformer(new FlagonDocumentTransformer());
            options.AddOperationTransformer(new FlagonOperationTransformer());
            configure?.Invoke(options);
        });
        return services;
    }
}
