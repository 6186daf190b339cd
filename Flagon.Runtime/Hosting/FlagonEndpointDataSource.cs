using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Flagon.Hosting;

/// <summary>
/// The app's rules as ASP.NET Core endpoints, for ASP.NET Core's tooling (endpoint listings, OpenAPI, health and
/// diagnostics pages). They are matched by Flagon's own matcher, not by ASP.NET Core's routing: they are plain
/// <see cref="Endpoint"/>s, not route endpoints.
/// </summary>
public sealed class FlagonEndpointDataSource(App app) : EndpointDataSource
{
    /// <inheritdoc/>
    public override IReadOnlyList<Endpoint> Endpoints => app.AllEndpoints();

    /// <inheritdoc/>
    public override IChangeToken GetChangeToken() => Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;
}
