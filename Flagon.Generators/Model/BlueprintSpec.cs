namespace Flagon.Generators.Model
{
    /// <summary>A [Blueprint] class the generator can extend.</summary>
    /// <param name="TypeName">Its fully qualified name (global:: form).</param>
    /// <param name="Namespace">Its namespace, empty for the global one.</param>
    /// <param name="ClassName">Its simple name.</param>
    /// <param name="Name">The blueprint's name (the endpoint prefix).</param>
    /// <param name="UrlPrefix">Its default URL prefix, or null.</param>
    /// <param name="InheritedViews">The views it inherits from abstract base classes, as its own.</param>
    internal sealed record BlueprintSpec(string TypeName, string Namespace, string ClassName, string Name, string? UrlPrefix,
        Helpers.EquatableArray<ViewSpec> InheritedViews);
}
