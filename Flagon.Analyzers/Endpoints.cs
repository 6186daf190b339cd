using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>The endpoints a project declares, as the analyzers that check names against them see them.</summary>
    internal static class Endpoints
    {
        /// <summary>
        /// The rules of a [Route] method, each with its endpoint as registered (<c>blueprint.view</c> in a blueprint).
        /// A rule that does not bind (an error reported on the view) still names its endpoint, with a null rule: the
        /// endpoint exists, so a Url.For naming it is not reported as unknown on top of the view's own error.
        /// </summary>
        public static IEnumerable<(string Endpoint, RuleSpec? Rule)> Of(Compilation compilation, IMethodSymbol method, INamedTypeSymbol route)
        {
            // Views of an abstract class belong to every blueprint deriving from it: "*.view".
            var blueprint = method.ContainingType.IsAbstract ? "*" : ViewBinder.BlueprintName(KnownTypes.Of(compilation), method.ContainingType);
            foreach (var attribute in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, route)))
            {
                var rule = RuleBindings.Bind(compilation, method, attribute).Rule;
                string endpoint = rule?.Endpoint ?? ViewBinder.EndpointName(method, attribute);
                yield return (blueprint is null ? endpoint : blueprint + "." + endpoint, rule);
            }
        }

        /// <summary>
        /// The rule values a URL of an endpoint cannot do without, given the values named in <paramref name="given"/>:
        /// those of the rule that needs the fewest more (Werkzeug builds with the first rule whose values are all
        /// given or defaulted). Empty when some rule has all it needs.
        /// </summary>
        public static IReadOnlyList<string> MissingValues(IEnumerable<RuleSpec> rules, ISet<string> given) =>
            rules
                .Select(r => r.Variables.Select(v => v.Name).Where(n => !given.Contains(n) && !r.Defaults.Any(d => d.Name == n)).ToList())
                .OrderBy(m => m.Count)
                .FirstOrDefault() ?? new List<string>();

        /// <summary>
        /// The first value that no rule of the endpoint can take, with what was given and the rule value it missed.
        /// A name no rule has is not judged: it becomes a query value. <paramref name="misfit"/> judges one value
        /// against one rule value (null: it fits).
        /// </summary>
        public static (T Value, string Description, VariableSpec Variable)? FirstMisfit<T>(IEnumerable<T> values, Func<T, string> name,
            IReadOnlyList<RuleSpec> rules, Func<T, VariableSpec, string?> misfit)
        {
            foreach (var value in values)
            {
                var variables = rules.Select(r => r.Variables.FirstOrDefault(v => v.Name == name(value))).ToList();
                if (variables.Count == 0 || variables.Any(v => v is null))
                {
                    continue;
                }
                var misfits = variables.Select(v => misfit(value, v!)).ToList();
                if (misfits.All(m => m is not null))
                {
                    return (value, misfits[0]!, variables[0]!);
                }
            }
            return null;
        }

        /// <summary>
        /// For an <c>app.AddUrlRule(…)</c> call: its literal endpoint, or null with <paramref name="unknowable"/> set when
        /// the endpoint is named at run time (then any name may exist). Null, not unknowable, for other calls.
        /// </summary>
        public static string? OfAddUrlRule(IInvocationOperation invocation, out bool unknowable)
        {
            unknowable = false;
            if (invocation.SemanticModel is not { } model || !UrlRuleCalls.IsAddUrlRule(KnownTypes.Of(model.Compilation), invocation))
            {
                return null;
            }
            var endpoint = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "endpoint");
            if (endpoint?.Value.ConstantValue is { HasValue: true, Value: string literal })
            {
                return literal;
            }
            if (endpoint is null || endpoint.IsImplicit)
            {
                // No endpoint given: Flask names it after the view function.
                var view = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "view")?.Value;
                if (view is not null && Operations.Unwrap(view) is IMethodReferenceOperation reference)
                {
                    return EndpointNames.FromMethod(reference.Method.Name);
                }
            }
            unknowable = true;
            return null;
        }

        /// <summary>
        /// Whether <c>name.view</c> is some blueprint's <c>view</c>: a blueprint may be registered under any name, or
        /// nested, so only the part after the last dot can be checked.
        /// </summary>
        public static bool InSomeBlueprint(string endpoint, IEnumerable<string> known)
        {
            int dot = endpoint.LastIndexOf('.');
            return dot > 0 && known.Any(k => k.LastIndexOf('.') is var kd && kd > 0 && string.CompareOrdinal(k, kd, endpoint, dot, Math.Max(k.Length - kd, endpoint.Length - dot)) == 0);
        }
    }
}
