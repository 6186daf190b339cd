using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Flagon.Analyzers
{
    /// <summary>
    /// The binding of each [Route] attribute, made once per compilation and shared by the analyzers that need it
    /// (rules, the route map, Url.For, templates): binding is most of their cost on large projects.
    /// </summary>
    internal static class RuleBindings
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<AttributeData, (RuleSpec? Rule, IReadOnlyList<BindingError> Errors)>> Cache =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<AttributeData, (RuleSpec? Rule, IReadOnlyList<BindingError> Errors)>>();

        /// <summary>The rule <paramref name="attribute"/> of <paramref name="method"/> binds to (null when it cannot), and the errors found.</summary>
        public static (RuleSpec? Rule, IReadOnlyList<BindingError> Errors) Bind(Compilation compilation, IMethodSymbol method, AttributeData attribute) =>
            Cache.GetValue(compilation, _ => new ConcurrentDictionary<AttributeData, (RuleSpec?, IReadOnlyList<BindingError>)>())
                .GetOrAdd(attribute, a =>
                {
                    var errors = new List<BindingError>();
                    var rule = ViewBinder.BindRule(KnownTypes.Of(compilation), method, a, errors, ConverterTypes.Lazily(compilation));
                    return (rule, errors);
                });
    }
}
