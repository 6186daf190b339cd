namespace Flagon.Routing;

/// <summary>
/// Flagon's metadata on a rule's ASP.NET Core endpoint: which rule of which app and blueprint it is. Middleware and
/// tooling read it with <c>context.GetEndpoint()?.Metadata.GetMetadata&lt;RuleMetadata&gt;()</c>.
/// </summary>
/// <param name="Endpoint">The endpoint name as the app names it: <c>page</c>, <c>admin.user</c>.</param>
/// <param name="Rule">The rule as mounted, with its blueprint's prefix: <c>/admin/users/&lt;int:id&gt;</c>.</param>
/// <param name="Methods">The methods it takes.</param>
/// <param name="Blueprint">The blueprint registration it belongs to, or null.</param>
/// <param name="App">The app's name.</param>
public sealed record RuleMetadata(string Endpoint, string Rule, IReadOnlyList<string> Methods, string? Blueprint, string App)
{
    /// <summary>
    /// The prefix the app is mapped under in a larger host (<c>web.MapFlagon("/backend", app)</c>), or empty: the
    /// rule's URL path is <see cref="PathBase"/> followed by <see cref="Rule"/>.
    /// </summary>
    public string PathBase { get; init; } = string.Empty;
}
