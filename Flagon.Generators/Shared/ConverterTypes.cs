using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Reads the program's converter classes (<c>[RouteConverter("name")]</c> on a class deriving from
    /// <c>Flagon.Routing.RouteConverter&lt;T&gt;</c>) into <see cref="CustomConverterSpec"/>s: for the generator, one class
    /// at a time; for the analyzers, all of a compilation's, once.
    /// </summary>
    internal static class ConverterTypes
    {
        public const string AttributeName = "Flagon.RouteConverterAttribute";
        private const string BaseName = "Flagon.Routing.RouteConverter<T>";

        private static readonly ConditionalWeakTable<Compilation, IReadOnlyDictionary<string, CustomConverterSpec>> Cache =
            new ConditionalWeakTable<Compilation, IReadOnlyDictionary<string, CustomConverterSpec>>();

        /// <summary>Why <paramref name="type"/> cannot be a converter (null when it can): it must be a non-abstract class with a public constructor deriving from RouteConverter&lt;T&gt;.</summary>
        public static string? Problem(INamedTypeSymbol type)
        {
            if (ValueType(type) is null)
            {
                return "it does not derive from Flagon.Routing.RouteConverter<T>";
            }
            if (type.IsAbstract || type.IsGenericType)
            {
                return "it is abstract or generic";
            }
            if (!type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public))
            {
                return "it has no public constructor";
            }
            return null;
        }

        /// <summary>The converter <paramref name="type"/> declares with <paramref name="attribute"/>, or null when it is not a valid one.</summary>
        public static CustomConverterSpec? Read(INamedTypeSymbol type, AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name || Problem(type) is not null)
            {
                return null;
            }
            int weight = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Weight").Value.Value is int w ? w : 100;
            var constructors = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public)
                .Select(c => c.Parameters.Select(p => new ConverterParameterSpec(p.Name, LiteralKind(p.Type), p.HasExplicitDefaultValue)).ToEquatableArray())
                .ToEquatableArray();
            return new CustomConverterSpec(name, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ValueType(type)!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), weight, constructors);
        }

        /// <summary>The converters of <paramref name="compilation"/>'s own source, by name (computed once per compilation).</summary>
        public static IReadOnlyDictionary<string, CustomConverterSpec> Of(Compilation compilation) =>
            Cache.GetValue(compilation, c =>
            {
                var result = new Dictionary<string, CustomConverterSpec>(System.StringComparer.Ordinal);
                var attributeType = c.GetTypeByMetadataName(AttributeName);
                if (attributeType is null)
                {
                    return result;
                }
                foreach (var type in c.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>())
                {
                    var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
                    if (attribute is not null && Read(type, attribute) is { } spec && !result.ContainsKey(spec.Name))
                    {
                        result.Add(spec.Name, spec);
                    }
                }
                return result;
            });

        private static ITypeSymbol? ValueType(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.IsGenericType && current.OriginalDefinition.ToDisplayString() == BaseName)
                {
                    return current.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated);
                }
            }
            return null;
        }

        private static string LiteralKind(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Int32 => "int",
            SpecialType.System_Int64 => "long",
            SpecialType.System_Double => "double",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_String => "string",
            _ => string.Empty,
        };
    }
}
