using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>What a rule does with a path that differs from it only by a trailing slash (mirrors Flagon.TrailingSlash).</summary>
    internal enum TrailingSlashPolicy
    {
        Redirect = 0,
        Accept = 1,
        Strict = 2,
    }

    /// <summary>One [Route] of a view, bound to the view's parameters: everything the emitter needs.</summary>
    /// <param name="Pattern">The rule text as written.</param>
    /// <param name="Endpoint">The endpoint name, without blueprint prefix.</param>
    /// <param name="Methods">Upper-case methods, sorted; HEAD added where GET is, OPTIONS always listed.</param>
    /// <param name="AutomaticOptions">Whether Flagon answers OPTIONS (the view did not list it).</param>
    /// <param name="TrailingSlash">The trailing-slash policy.</param>
    /// <param name="Parts">The parts between slashes, after the leading one.</param>
    /// <param name="Variables">The rule's variables, in order.</param>
    /// <param name="Defaults">The rule's defaults.</param>
    /// <param name="Arguments">How each view parameter is filled, in parameter order.</param>
    /// <param name="ExplicitHead">Whether the rule names HEAD itself (rather than getting it with GET): at the same path it answers HEAD first.</param>
    internal sealed record RuleSpec(
        string Pattern,
        string Endpoint,
        EquatableArray<string> Methods,
        bool AutomaticOptions,
        TrailingSlashPolicy TrailingSlash,
        EquatableArray<PartSpec> Parts,
        EquatableArray<VariableSpec> Variables,
        EquatableArray<DefaultSpec> Defaults,
        EquatableArray<ArgumentSpec> Arguments,
        bool ExplicitHead = false)
    {
        public bool IsStatic => Variables.Count == 0;
    }
}
