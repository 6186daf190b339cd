using Flagon.Routing;

namespace Flagon.Blueprints;

/// <summary>A blueprint registered on an app: under which name, at which prefix, inside which parent.</summary>
internal sealed class BlueprintMount
{
    /// <param name="name">The name it was registered under (the prefix of its endpoints).</param>
    /// <param name="declaredName">The name its <see cref="BlueprintAttribute"/> gives.</param>
    /// <param name="prefix">The URL prefix: empty, or starting with '/' and not ending with one.</param>
    /// <param name="table">Its compiled route table.</param>
    /// <param name="parent">The blueprint it is nested in, or null.</param>
    /// <param name="options">What the registration gave it (a blueprint factory's per-app options), or null.</param>
    /// <param name="templateFolder">The blueprint's own template folder, or null.</param>
    public BlueprintMount(string name, string declaredName, string prefix, RouteTable table, BlueprintMount? parent = null, object? options = null, string? templateFolder = null)
    {
        Name = name;
        DeclaredName = declaredName;
        Prefix = prefix;
        UrlPrefix = Generators.Shared.UrlQuoting.QuotePath(prefix);
        Table = table;
        Parent = parent;
        Options = options;
        TemplateFolder = templateFolder;
        Chain = parent is null ? [this] : [this, .. parent.Chain];
    }

    public string Name { get; }

    public string DeclaredName { get; }

    public string Prefix { get; }

    /// <summary><see cref="Prefix"/> as built URLs write it (percent-encoded as Werkzeug quotes paths).</summary>
    public string UrlPrefix { get; }

    public RouteTable Table { get; }

    public BlueprintMount? Parent { get; }

    public object? Options { get; }

    public string? TemplateFolder { get; }

    /// <summary>This blueprint and its parents, innermost first (Flask's <c>request.blueprints</c>).</summary>
    public BlueprintMount[] Chain { get; }

    /// <summary>The ASP.NET Core endpoints of its rules, as mounted here; built on first use.</summary>
    public Microsoft.AspNetCore.Http.Endpoint[]? Endpoints;

    /// <summary>Whether <paramref name="path"/> lies under the prefix (at a part boundary).</summary>
    public bool Contains(string path) =>
        Prefix.Length == 0
        || (path.StartsWith(Prefix, StringComparison.Ordinal) && (path.Length == Prefix.Length || path[Prefix.Length] == '/'));
}
