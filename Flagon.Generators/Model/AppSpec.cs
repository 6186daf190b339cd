using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>All the views and blueprints of a compilation: what the emitter turns into route tables.</summary>
    /// <param name="Views">The views, sorted by type and method name so the output is stable.</param>
    /// <param name="Blueprints">The blueprint classes, sorted by type name.</param>
    /// <param name="ErrorHandlers">The [ErrorHandler] methods, sorted by type and method name.</param>
    /// <param name="UrlRuleCalls">The literal AddUrlRule calls, in source order.</param>
    /// <param name="Hooks">The request hooks, in source order.</param>
    internal sealed record AppSpec(
        EquatableArray<ViewSpec> Views,
        EquatableArray<BlueprintSpec> Blueprints,
        EquatableArray<ErrorHandlerSpec> ErrorHandlers,
        EquatableArray<UrlRuleCallSpec> UrlRuleCalls,
        EquatableArray<HookSpec> Hooks);
}
