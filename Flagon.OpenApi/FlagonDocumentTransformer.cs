using Flagon.Routing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flagon.OpenApi;

/// <summary>
/// Puts back the trailing slash of rules that end with one (<c>/admin/</c>): ASP.NET Core's document writes paths
/// from route templates, which have none, and Werkzeug's <c>/admin</c> is a redirect to <c>/admin/</c>, not the page.
/// </summary>
internal sealed class FlagonDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <inheritdoc/>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths is not { } paths)
        {
            return Task.CompletedTask;
        }
        foreach (var group in context.DescriptionGroups)
        {
            foreach (var description in group.Items)
            {
                if (description.FlagonRule() is not { } rule)
                {
                    continue;
                }
                string wanted = FlagonApiDescriptionProvider.OpenApiPath(rule.PathBase + rule.Rule, template: false);
                string written = wanted.TrimEnd('/');
                if (wanted.Length > 1 && wanted.EndsWith('/') && !paths.ContainsKey(wanted) && paths.Remove(written, out var item))
                {
                    paths[wanted] = item;
                }
            }
        }
        return Task.CompletedTask;
    }
}
