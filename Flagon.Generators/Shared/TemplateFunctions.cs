using System.Linq;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>What the generator and the analyzer agree on about [TemplateFilter] and [ContextProcessor] methods.</summary>
    internal static class TemplateFunctions
    {
        /// <summary>Why a filter method cannot be registered, or null when it can.</summary>
        public static string? CheckFilter(IMethodSymbol method)
        {
            if (CheckCallable(method) is { } reason)
            {
                return reason;
            }
            if (method.Parameters.Length == 0)
            {
                return "it must take the filtered value as its first parameter";
            }
            if (method.ReturnsVoid || KnownTypes.InNamespace(method.ReturnType, "System.Threading.Tasks"))
            {
                return "it must return the new value (not void or a task)";
            }
            var bad = method.Parameters.FirstOrDefault(p => p.RefKind != RefKind.None || p.IsParams || !IsFilterValue(p.Type));
            return bad is null ? null : $"its parameter '{bad.Name}' must be a string, a number, a bool or an object";
        }

        /// <summary>Why a context processor cannot be registered, or null when it can.</summary>
        public static string? CheckProcessor(KnownTypes known, IMethodSymbol method)
        {
            if (CheckCallable(method) is { } reason)
            {
                return reason;
            }
            if (method.Parameters.Length > 0)
            {
                return "it must take no parameters";
            }
            var compilation = known.Compilation;
            var pairs = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            var pair = known.KeyValuePairOfT;
            if (pair is null)
            {
                return null;
            }
            var target = pairs.Construct(pair.Construct(compilation.GetSpecialType(SpecialType.System_String), compilation.GetSpecialType(SpecialType.System_Object)));
            return method.ReturnsVoid || !compilation.ClassifyCommonConversion(method.ReturnType, target).IsImplicit
                ? "it must return a Dictionary<string, object?> (or other key/value pairs of string and object)"
                : null;
        }

        /// <summary>The name a filter has in templates.</summary>
        public static string FilterName(IMethodSymbol method, AttributeData attribute) =>
            attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } name
                ? name
                : EndpointNames.FromMethod(method.Name);

        internal static string? CheckCallable(IMethodSymbol method)
        {
            if (!method.IsStatic)
            {
                return "it must be static";
            }
            if (method.IsGenericMethod || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
            {
                return "it must be public or internal and not generic";
            }
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || type.IsGenericType)
                {
                    return $"its class '{type.Name}' must be public or internal and not generic";
                }
            }
            return null;
        }

        private static bool IsFilterValue(ITypeSymbol type)
        {
            var plain = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
            return plain.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Boolean
                or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Decimal;
        }
    }
}
