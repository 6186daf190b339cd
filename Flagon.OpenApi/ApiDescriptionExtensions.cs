using Flagon.Routing;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Flagon.OpenApi;

/// <summary>Reads Flagon's rule back from an API description, for OpenAPI options and transformers.</summary>
public static class ApiDescriptionExtensions
{
    /// <summary>
    /// The Flagon rule <paramref name="description"/> describes (its endpoint name, rule, methods, blueprint and app),
    /// or null for an endpoint that is not a Flagon view. For example, a document of one blueprint only:
    /// <c>options.ShouldInclude = d =&gt; d.FlagonRule()?.Blueprint == "api";</c>
    /// </summary>
    public static RuleMetadata? FlagonRule(this ApiDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description.ActionDescriptor.EndpointMetadata.OfType<RuleMetadata>().FirstOrDefault();
    }
}
