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
        /// <summary>The rules of a [Route] method, each with its endpoint as registered (<c>blueprint.view</c> in a blueprint).</summary>
        public static IEnumerable<(string Endpoint, RuleSpec Rule)> Of(Compilation compilation, IMethodSymbol method, INamedTypeSymbol route)
        {
            // Views of an abstract class belong to every blueprint deriving from it: "*.view".
            var blueprint = method.ContainingType.IsAbstract ? "*" : TemplateFunctions.BlueprintName(method.ContainingType);
            foreach (var attribute in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, route)))
            {
                if (RuleBindings.Bind(compilation, method, attribute).Rule is { } rule)
                {
                    yield return (blueprint is null ? rule.Endpoint : blueprint + "." + rule.Endpoint, rule);
                }
            }
        }

        /// <summary>
        /// For an <c>app.AddUrlRule(…)</c> call: its literal endpoint, or null with <paramref name="unknowable"/> set when
        /// the endpoint is named at run time (then any name may exist). Null, not unknowable, for other calls.
        /// </summary>
        public static string? OfAddUrlRule(IInvocationOperation invocation, out bool unknowable)
        {
            unknowable = false;
            if (invocation.TargetMethod.Name != "AddUrlRule" || invocation.TargetMethod.ContainingType.ToDisplayString() != "Flagon.App")
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
