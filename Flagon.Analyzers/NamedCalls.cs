using System;
using System.Collections.Concurrent;
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
    /// The calls of a compilation to a method of a given name (<c>app.AddUrlRule(…)</c>, <c>RegisterBlueprint&lt;T&gt;()</c>),
    /// in any file: only the files that mention the name (usually the app factory) are bound, once per compilation and
    /// name, for every analyzer that needs them.
    /// </summary>
    internal static class NamedCalls
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, Lazy<ImmutableArray<IInvocationOperation>>>> Cache =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<string, Lazy<ImmutableArray<IInvocationOperation>>>>();

        /// <summary>The calls named <paramref name="name"/> (on any receiver: callers check the method they bind to).</summary>
        public static ImmutableArray<IInvocationOperation> In(Compilation compilation, string name, CancellationToken cancellationToken) =>
            Cache.GetOrCreateValue(compilation)
                // PublicationOnly: a cancelled search is not kept; the next caller searches again.
                .GetOrAdd(name, n => new Lazy<ImmutableArray<IInvocationOperation>>(() => Find(compilation, n, cancellationToken), LazyThreadSafetyMode.PublicationOnly))
                .Value;

        private static ImmutableArray<IInvocationOperation> Find(Compilation compilation, string name, CancellationToken cancellationToken)
        {
            var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!Mentions(tree.GetText(cancellationToken), name))
                {
                    continue;
                }
#pragma warning disable RS1030 // Bound once per compilation, for the few files that mention the name.
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var called = call.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name,
                        SimpleNameSyntax simple => simple,
                        _ => null,
                    };
                    if (called?.Identifier.ValueText == name && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation)
                    {
                        calls.Add(invocation);
                    }
                }
            }
            return calls.ToImmutable();
        }

        // Whether the text holds the name, read in blocks rather than copied whole (generated files run to megabytes).
        private static bool Mentions(Microsoft.CodeAnalysis.Text.SourceText text, string name)
        {
            const int Block = 4096;
            var buffer = new char[Block + name.Length];
            for (int start = 0; start < text.Length; start += Block)
            {
                int count = Math.Min(Block + name.Length - 1, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                if (MemoryExtensions.IndexOf(new ReadOnlySpan<char>(buffer, 0, count), name.AsSpan()) >= 0)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
