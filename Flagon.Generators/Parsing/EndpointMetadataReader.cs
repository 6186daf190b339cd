using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Flagon.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Parsing
{
    /// <summary>
    /// Reads the attributes of a view and of its class (the blueprint or views class) that become its ASP.NET Core
    /// endpoint's metadata (<c>[Authorize]</c>, <c>[EnableCors]</c>, <c>[EnableRateLimiting]</c>, <c>[OutputCache]</c>,
    /// <c>[Tags]</c>, any attribute of the user's), as the C# expressions that create them: the generated table creates
    /// them once, when the endpoint is built. The class's come first, so the view's own come later and win where
    /// ASP.NET Core takes the last (as it does for a controller and its action).
    /// </summary>
    internal static class EndpointMetadataReader
    {
        public static EquatableArray<string> Read(IMethodSymbol method)
        {
            var expressions = new List<string>();
            foreach (var attribute in method.ContainingType.GetAttributes().Concat(method.GetAttributes()))
            {
                if (Create(attribute) is { } expression)
                {
                    expressions.Add(expression);
                }
            }
            return expressions.ToEquatableArray();
        }

        // Flagon's own attributes say what the rule is (Flagon adds that metadata itself); the compiler's and the
        // debugger's say nothing about the endpoint.
        private static bool Skipped(INamedTypeSymbol type)
        {
            return Shared.KnownTypes.InNamespace(type, "Flagon") || Shared.KnownTypes.UnderNamespace(type, "System.Runtime")
                || Shared.KnownTypes.UnderNamespace(type, "System.Diagnostics") || Shared.KnownTypes.InNamespace(type, "System.Reflection")
                || type.Name is "ObsoleteAttribute" or "SerializableAttribute";
        }

        private static string? Create(AttributeData attribute)
        {
            if (attribute.AttributeClass is not { } type || type.TypeKind == TypeKind.Error || Skipped(type)
                || attribute.AttributeConstructor is not { DeclaredAccessibility: Accessibility.Public }
                || type.DeclaredAccessibility != Accessibility.Public)
            {
                return null;
            }
            var arguments = new List<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (Literal(argument) is not { } literal)
                {
                    return null;
                }
                arguments.Add(literal);
            }
            var named = new List<string>();
            foreach (var pair in attribute.NamedArguments)
            {
                if (Literal(pair.Value) is not { } literal)
                {
                    return null;
                }
                named.Add($"{pair.Key} = {literal}");
            }
            string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return named.Count == 0
                ? $"new {name}({string.Join(", ", arguments)})"
                : $"new {name}({string.Join(", ", arguments)}) {{ {string.Join(", ", named)} }}";
        }

        /// <summary>A C# expression for an attribute argument, or null for one it cannot write.</summary>
        private static string? Literal(TypedConstant constant)
        {
            if (constant.IsNull)
            {
                return constant.Type is null ? "null" : $"({constant.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})null";
            }
            switch (constant.Kind)
            {
                case TypedConstantKind.Array:
                    var items = constant.Values.Select(Literal).ToList();
                    return items.Any(i => i is null)
                        ? null
                        : $"new {((IArrayTypeSymbol)constant.Type!).ElementType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}[] {{ {string.Join(", ", items)} }}";
                case TypedConstantKind.Type:
                    return $"typeof({((ITypeSymbol)constant.Value!).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})";
                case TypedConstantKind.Enum:
                    return $"({constant.Type!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({Primitive(constant.Value!)})";
                case TypedConstantKind.Primitive:
                    return Primitive(constant.Value!);
                default:
                    return null;
            }
        }

        private static string Primitive(object value) => value switch
        {
            string text => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true),
            char c => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(CultureInfo.InvariantCulture) + "L",
            ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
            uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => $"({value.GetType().FullName}){System.Convert.ToString(value, CultureInfo.InvariantCulture)}",
        };
    }
}
