using Flagon.Routing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flagon.OpenApi;

/// <summary>
/// Gives each path parameter of a Flagon operation its converter's schema (<see cref="ConverterSchemas"/>) and its
/// <c>&lt;param&gt;</c> doc comment: what Flagon knows about the rule and ASP.NET Core's document cannot see.
/// </summary>
internal sealed class FlagonOperationTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc/>
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var variables = context.Description.ActionDescriptor.EndpointMetadata.OfType<RuleVariable>().ToList();
        if (variables.Count == 0 || operation.Parameters is null)
        {
            return Task.CompletedTask;
        }
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Path && variables.Find(v => v.Name == parameter.Name) is { } variable)
            {
                parameter.Schema = ConverterSchemas.For(variable);
                parameter.Description ??= variable.Description;
            }
        }
        return Task.CompletedTask;
    }
}
