using Flagon.Routing;

namespace Flagon.Blueprints;

/// <summary>A blueprint registered on an app: under which name, at which prefix.</summary>
/// <param name="Name">The name it was registered under (the prefix of its endpoints).</param>
/// <param name="DeclaredName">The name its <see cref="BlueprintAttribute"/> gives.</param>
/// <param name="Prefix">The URL prefix: empty, or starting with '/' and not ending with one.</param>
/// <param name="Table">Its compiled route table.</param>
/// <param name="Options">What the registration gave it (a blueprint factory's per-app options), or null.</param>
/// <param name="TemplateFolder">The blueprint's own template folder, or null.</param>
internal sealed record BlueprintMount(string Name, string DeclaredName, string Prefix, RouteTable Table, object? Options = null, string? TemplateFolder = null)
{
    /// <summary>Whether <paramref name="path"/> lies under the prefix (at a part boundary).</summary>
    public bool Contains(string path) =>
        Prefix.Length == 0
        || (path.StartsWith(Prefix, StringComparison.Ordinal) && (path.Length == Prefix.Length || path[Prefix.Length] == '/'));
}
