using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>
    /// The <c>app.AddUrlRule(…)</c> calls of a compilation, in any file: only the files that mention AddUrlRule
    /// (usually the app factory) are bound, once per compilation, for every analyzer that needs them.
    /// </summary>
    internal static class AddUrlRuleCalls
    {
        private static readonly ConditionalWeakTable<Compilation, Lazy<ImmutableArray<IInvocationOperation>>> Cache =
            new ConditionalWeakTable<Compilation, Lazy<ImmutableArray<IInvocationOperation>>>();

        /// <summary>The calls named AddUrlRule (on any receiver: callers check the method they bind to).</summary>
        public static ImmutableArray<IInvocationOperation> In(Compilation compilation, CancellationToken cancellationToken) =>
            // PublicationOnly: a cancelled search is not kept; the next caller searches again.
            Cache.GetValue(compilation, c => new Lazy<ImmutableArray<IInvocationOperation>>(() => Find(c, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

        private static ImmutableArray<IInvocationOperation> Find(Compilation compilation, CancellationToken cancellationToken)
        {
            var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetText(cancellationToken).ToString().IndexOf("AddUrlRule", StringComparison.Ordinal) < 0)
                {
                    continue;
                }
#pragma warning disable RS1030 // Bound once per compilation, for the few files that call AddUrlRule.
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddUrlRule" }
                        && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                    {
                        calls.Add(invocation);
                    }
                }
            }
            return calls.ToImmutable();
        }
    }
}
