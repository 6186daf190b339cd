using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>A type a template reads members of, found in the model of a Template.Render call.</summary>
    /// <param name="TypeName">Its fully qualified name (global:: form).</param>
    /// <param name="Properties">Its public readable instance properties, by name.</param>
    internal sealed record TemplateTypeSpec(string TypeName, EquatableArray<string> Properties);
}
