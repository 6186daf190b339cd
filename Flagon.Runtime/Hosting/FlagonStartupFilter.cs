using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Flagon.Hosting;

/// <summary>
/// Puts <see cref="FlagonRouter"/> at the start of a host's pipeline, before the middleware the user adds (as
/// <c>WebApplication</c> puts <c>UseRouting</c> there), so that it sees the matched view's endpoint.
/// </summary>
internal sealed class FlagonStartupFilter(FlagonRouter router) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        builder.Use(router.Middleware);
        next(builder);
    };
}
