using Flagon.Routing;

namespace Flagon;

/// <summary>
/// What the generator adds to a <see cref="BlueprintAttribute"/> class so that
/// <see cref="App.RegisterBlueprint{T}"/> can mount it without reflection.
/// </summary>
public interface IBlueprint
{
    /// <summary>The name given in <see cref="BlueprintAttribute"/>.</summary>
    static abstract string Name { get; }

    /// <summary>The default URL prefix given in <see cref="BlueprintAttribute"/>, or null.</summary>
    static abstract string? UrlPrefix { get; }

    /// <summary>The blueprint's compiled route table.</summary>
    static abstract RouteTable RouteTable { get; }
}
