using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Every endpoint a compilation declares ([Route] views, literal AddUrlRule calls), found once per compilation
    /// when first asked for. With it, a <c>Url.For("name")</c> is checked where it is written, as the user types,
    /// instead of at the end of a full analysis of the compilation.
    /// </summary>
    internal sealed class EndpointIndex
    {
        private static readonly ConditionalWeakTable<Compilation, Lazy<EndpointIndex>> Cache = new ConditionalWeakTable<Compilation, Lazy<EndpointIndex>>();

        private EndpointIndex(Dictionary<string, List<Endpoint>> endpoints, bool unknowable)
        {
            ByName = endpoints;
            Unknowable = unknowable;
        }

        /// <summary>One rule of an endpoint.</summary>
        internal sealed class Endpoint
        {
            public Endpoint(RuleSpec? rule, string typed)
            {
                Rule = rule;
                Typed = typed;
            }

            /// <summary>The bound rule; null when it is not checked against (an error of its own, inherited by blueprints, added at run time).</summary>
            public RuleSpec? Rule { get; }

            /// <summary>The typed UrlFor method that builds it (empty when there is none).</summary>
            public string Typed { get; }
        }

        /// <summary>The rules of each endpoint, by its registered name (<c>blueprint.view</c> in a blueprint).</summary>
        public IReadOnlyDictionary<string, List<Endpoint>> ByName { get; }

        /// <summary>Some AddUrlRule call names its endpoint at run time: then any name may exist.</summary>
        public bool Unknowable { get; }

        /// <summary>The index of <paramref name="compilation"/>, made by the first caller.</summary>
        public static EndpointIndex For(Compilation compilation, INamedTypeSymbol route, CancellationToken cancellationToken) =>
            // PublicationOnly: a cancelled build of the index is not kept; the next caller builds it again.
            Cache.GetValue(compilation, c => new Lazy<EndpointIndex>(() => Build(c, route, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

        private static EndpointIndex Build(Compilation compilation, INamedTypeSymbol route, CancellationToken cancellationToken)
        {
            var endpoints = new Dictionary<string, List<Endpoint>>(StringComparer.Ordinal);
            void Add(string name, Endpoint endpoint)
            {
                if (!endpoints.TryGetValue(name, out var list))
                {
                    endpoints.Add(name, list = new List<Endpoint>());
                }
                list.Add(endpoint);
            }

            foreach (var method in RouteViews.In(compilation, route, cancellationToken))
            {
                // Typed builders live under UrlFor.<Blueprint> for a blueprint's views, under UrlFor for the app's.
                string typedClass = ViewBinder.BlueprintName(KnownTypes.Of(compilation), method.ContainingType) is null ? "UrlFor" : $"UrlFor.{method.ContainingType.Name}";
                foreach (var (endpoint, rule) in Endpoints.Of(compilation, method, route))
                {
                    // Inherited by blueprints, or a rule with an error of its own: known, but not checked against.
                    Add(endpoint, method.ContainingType.IsAbstract || rule is null
                        ? new Endpoint(null, string.Empty)
                        : new Endpoint(rule, $"{typedClass}.{EndpointNames.ToMethod(rule.Endpoint)}"));
                }
            }

            // Literal AddUrlRule calls.
            bool unknowable = false;
            foreach (var invocation in NamedCalls.In(compilation, "AddUrlRule", cancellationToken))
            {
                if (Endpoints.OfAddUrlRule(invocation, out var runTime) is { } literal)
                {
                    Add(literal, new Endpoint(null, string.Empty));
                }
                unknowable |= runTime;
            }
            return new EndpointIndex(endpoints, unknowable);
        }
    }
}
