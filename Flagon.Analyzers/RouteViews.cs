using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Flagon.Analyzers
{
    /// <summary>The methods of a compilation that carry a [Route], found through the compiler's declaration table.</summary>
    internal static class RouteViews
    {
        /// <summary>
        /// Every ordinary method with a [Route] attribute. Flagon's own generated code (namespace
        /// <c>Flagon.Generated</c>, the typed <c>Flagon.UrlFor</c>) declares none and is skipped without binding it.
        /// </summary>
        public static IEnumerable<IMethodSymbol> In(Compilation compilation, INamedTypeSymbol route, CancellationToken cancellationToken)
        {
            foreach (var member in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Member, cancellationToken))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                    && !IsGenerated(method.ContainingType)
                    && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, route)))
                {
                    yield return method;
                }
            }
        }

        private static bool IsGenerated(INamedTypeSymbol type)
        {
            var outermost = type;
            while (outermost.ContainingType is { } containing)
            {
                outermost = containing;
            }
            return KnownTypes.InNamespace(outermost, "Flagon.Generated") || (outermost.Name == "UrlFor" && KnownTypes.InNamespace(outermost, "Flagon"));
        }
    }
}
