using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>One [Route] of a view, as the emitter needs it.</summary>
    /// <param name="Pattern">The rule text.</param>
    /// <param name="Endpoint">The endpoint name (Flask's: the view's snake_case name, or Endpoint).</param>
    /// <param name="Methods">Upper-case methods, sorted, HEAD added where GET is, OPTIONS added.</param>
    /// <param name="IsStatic">Whether the rule has no variables.</param>
    internal sealed record RuleSpec(string Pattern, string Endpoint, EquatableArray<string> Methods, bool IsStatic);
}
