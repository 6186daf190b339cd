using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>All the app-level views of a compilation: what the emitter turns into the route table.</summary>
    /// <param name="Views">The views, sorted by type and method name so the output is stable.</param>
    internal sealed record AppSpec(EquatableArray<ViewSpec> Views);
}
