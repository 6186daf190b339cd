using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>A [TemplateFilter] or [ContextProcessor] method the generated code registers.</summary>
    /// <param name="IsFilter">A filter (else a context processor).</param>
    /// <param name="ContainingType">The declaring type's fully qualified name (global:: form).</param>
    /// <param name="MethodName">The method's name.</param>
    /// <param name="Name">A filter's name in templates; empty for a context processor.</param>
    /// <param name="Blueprint">The declaring blueprint's name, or null for the app's.</param>
    /// <param name="ParameterTypes">A filter's parameter types (fully qualified), the value's first.</param>
    internal sealed record TemplateFunctionSpec(bool IsFilter, string ContainingType, string MethodName, string Name, string? Blueprint, EquatableArray<string> ParameterTypes);
}
