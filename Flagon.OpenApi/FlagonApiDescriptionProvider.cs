using System.Text;
using Flagon.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace Flagon.OpenApi;

/// <summary>
/// Describes a Flagon app's rules to ASP.NET Core's API explorer, which its OpenAPI document is built from: one
/// description per rule and method (HEAD and the automatic OPTIONS left out), with the path in OpenAPI's form
/// (<c>/page/{pk}</c>), the rule's variables as path parameters, the JSON the view reads and returns, and the
/// endpoint's metadata (endpoint name, summary, tags: the blueprint's name, else the app's). Views marked
/// <c>[ExcludeFromDescription]</c> and the static files' rules are left out.
/// </summary>
/// <remarks>
/// Flagon's endpoints are matched by Flagon, not by ASP.NET Core's routing, so ASP.NET Core's own provider (which
/// describes route endpoints) does not see them; this one reads them from the host's endpoint data sources.
/// </remarks>
internal sealed class FlagonApiDescriptionProvider(EndpointDataSource endpoints) : IApiDescriptionProvider
{
    private static readonly EmptyModelMetadataProvider Models = new();

    /// <summary>Runs beside ASP.NET Core's provider for route endpoints (whose order is -1100).</summary>
    public int Order => -1100;

    /// <inheritdoc/>
    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<RuleMetadata>() is not { } rule
                || endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                || IsStatic(rule))
            {
                continue;
            }
            foreach (var method in rule.Methods)
            {
                if (method is not ("HEAD" or "OPTIONS"))
                {
                    context.Results.Add(Describe(endpoint, rule, method));
                }
            }
        }
    }

    /// <inheritdoc/>
    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    // The static files' rule (Flask's /static/<path:filename>, and a blueprint's static folder) serves files, not an API.
    private static bool IsStatic(RuleMetadata rule) => rule.Endpoint == "static" || rule.Endpoint.EndsWith(".static", StringComparison.Ordinal);

    private static ApiDescription Describe(Endpoint endpoint, RuleMetadata rule, string method)
    {
        var metadata = new List<object>(endpoint.Metadata);
        if (endpoint.Metadata.GetMetadata<ITagsMetadata>() is null)
        {
            metadata.Add(new TagsAttribute(rule.Blueprint ?? rule.App));
        }
        string path = OpenApiPath(rule.PathBase + rule.Rule, template: true);
        var description = new ApiDescription
        {
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = endpoint.DisplayName,
                EndpointMetadata = metadata,
                AttributeRouteInfo = new AttributeRouteInfo { Name = rule.Endpoint, Template = path },
            },
            GroupName = endpoint.Metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName,
            HttpMethod = method,
            // ASP.NET Core's route template form: the document parses it back into /page/{pk}.
            RelativePath = path.TrimStart('/'),
        };
        foreach (var variable in endpoint.Metadata.GetOrderedMetadata<RuleVariable>())
        {
            // The schema is Flagon's (FlagonOperationTransformer): the converter's, not the parameter type's.
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = variable.Name,
                Source = BindingSource.Path,
                Type = typeof(string),
                ModelMetadata = Models.GetMetadataForType(typeof(string)),
                IsRequired = true,
            });
        }
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } body } accepts && method is not "GET")
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = "body",
                Source = BindingSource.Body,
                Type = body,
                ModelMetadata = Models.GetMetadataForType(body),
                IsRequired = !accepts.IsOptional,
            });
            foreach (var contentType in accepts.ContentTypes)
            {
                description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = contentType });
            }
        }
        foreach (var response in Responses(endpoint))
        {
            description.SupportedResponseTypes.Add(response);
        }
        return description;
    }

    /// <summary>
    /// The responses the endpoint's metadata declares, one per status code, the last said winning (an attribute over
    /// what the generator read from the view's type): ASP.NET Core's <c>IProducesResponseTypeMetadata</c> and MVC's
    /// <c>[ProducesResponseType]</c>; a typed response without content types is JSON.
    /// </summary>
    private static IEnumerable<ApiResponseType> Responses(Endpoint endpoint)
    {
        var declared = new List<(int Status, Type? Type, string? Description, IReadOnlyList<string> ContentTypes)>();
        foreach (var item in endpoint.Metadata)
        {
            switch (item)
            {
                case IProducesResponseTypeMetadata produces:
                    declared.Add((produces.StatusCode, produces.Type, produces.Description, [.. produces.ContentTypes]));
                    break;
                case IApiResponseMetadataProvider attribute:
                    var contentTypes = new Microsoft.AspNetCore.Mvc.Formatters.MediaTypeCollection();
                    attribute.SetContentTypes(contentTypes);
                    declared.Add((attribute.StatusCode, attribute.Type, attribute.Description, [.. contentTypes]));
                    break;
            }
        }
        foreach (var (status, type, text, contentTypes) in declared.GroupBy(d => d.Status).Select(g => g.Last()).OrderBy(d => d.Status))
        {
            var typed = type is not null && type != typeof(void);
            var response = new ApiResponseType
            {
                StatusCode = status,
                Type = typed ? type : null,
                ModelMetadata = typed ? Models.GetMetadataForType(type!) : null,
                Description = text,
            };
            foreach (var contentType in contentTypes.Count > 0 ? contentTypes : typed ? ["application/json"] : [])
            {
                response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = contentType });
            }
            yield return response;
        }
    }

    /// <summary>
    /// A Werkzeug rule in OpenAPI's path form, read by Flagon's own rule parser: <c>/page/&lt;int:pk&gt;</c> is
    /// <c>/page/{pk}</c>. As an ASP.NET Core route template (<paramref name="template"/>) a literal brace is doubled.
    /// </summary>
    internal static string OpenApiPath(string rule, bool template)
    {
        var parsed = Generators.Shared.RuleParser.Parse(rule, Generators.Shared.RuleParser.AnyConverter);
        if (parsed.Error is not null)
        {
            return rule;
        }
        var path = new StringBuilder();
        foreach (var part in parsed.Parts)
        {
            path.Append(part.IsVariable ? "{" + part.Text + "}" : template ? part.Text.Replace("{", "{{").Replace("}", "}}") : part.Text);
        }
        return path.ToString();
    }
}
