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

        private static readonly ConditionalWeakTable<Compilation, IReadOnlyDictionary<string, CustomConverterSpec>> Cache =
            new ConditionalWeakTable<Compilation, IReadOnlyDictionary<string, CustomConverterSpec>>();

        /// <summary>Why <paramref name="type"/> cannot be a converter (null when it can): it must be a non-abstract class with a public constructor deriving from RouteConverter&lt;T&gt;.</summary>
        public static string? Problem(KnownTypes known, INamedTypeSymbol type)
        {
            if (ValueType(known, type) is null)
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
        public static CustomConverterSpec? Read(KnownTypes known, INamedTypeSymbol type, AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name || Problem(known, type) is not null)
            {
                return null;
            }
            int weight = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Weight").Value.Value is int w ? w : 100;
            var constructors = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public)
                .Select(c => c.Parameters.Select(p => new ConverterParameterSpec(p.Name, LiteralKind(p.Type), p.HasExplicitDefaultValue)).ToEquatableArray())
                .ToEquatableArray();
            return new CustomConverterSpec(name, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ValueType(known, type)!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), weight, constructors);
        }

        /// <summary>
        /// The converters of <paramref name="compilation"/>'s own source and then its references, by name, looked up only when first read: rules
        /// that name only Werkzeug's converters (nearly all) never pay for the search of the compilation's types.
        /// </summary>
        public static IReadOnlyDictionary<string, CustomConverterSpec> Lazily(Compilation compilation) => new LazyConverters(compilation);

        private sealed class LazyConverters : IReadOnlyDictionary<string, CustomConverterSpec>
        {
            private readonly Compilation compilation;
            private IReadOnlyDictionary<string, CustomConverterSpec>? loaded;

            public LazyConverters(Compilation compilation) => this.compilation = compilation;

            private IReadOnlyDictionary<string, CustomConverterSpec> All => loaded ??= Of(compilation);

            public CustomConverterSpec this[string key] => All[key];
            public IEnumerable<string> Keys => All.Keys;
            public IEnumerable<CustomConverterSpec> Values => All.Values;
            public int Count => All.Count;
            public bool ContainsKey(string key) => All.ContainsKey(key);
            public bool TryGetValue(string key, out CustomConverterSpec value) => All.TryGetValue(key, out value!);
            public IEnumerator<KeyValuePair<string, CustomConverterSpec>> GetEnumerator() => All.GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }

        /// <summary>
        /// The converters that the assemblies <paramref name="compilation"/> references declare (public classes with
        /// [RouteConverter] in a library built against Flagon), ordered by name: read once per referenced assembly, so a
        /// new compilation with the same references costs a lookup per reference.
        /// </summary>
        public static EquatableArray<CustomConverterSpec> InReferences(Compilation compilation)
        {
            var known = KnownTypes.Of(compilation);
            var attributeType = known.RouteConverterAttribute;
            if (attributeType is null)
            {
                return EquatableArray<CustomConverterSpec>.Empty;
            }
            var runtime = attributeType.ContainingAssembly;
            List<CustomConverterSpec>? found = null;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                    || SymbolEqualityComparer.Default.Equals(assembly, runtime))
                {
                    continue;
                }
                var declared = ReferencedCache.GetValue(assembly, a => Declared(a, runtime, known));
                if (declared.Length > 0)
                {
                    (found ??= new List<CustomConverterSpec>()).AddRange(declared);
                }
            }
            return found is null
                ? EquatableArray<CustomConverterSpec>.Empty
                : found.OrderBy(c => c.Name, System.StringComparer.Ordinal).ThenBy(c => c.TypeName, System.StringComparer.Ordinal).ToEquatableArray();
        }

        private static readonly ConditionalWeakTable<IAssemblySymbol, CustomConverterSpec[]> ReferencedCache =
            new ConditionalWeakTable<IAssemblySymbol, CustomConverterSpec[]>();

        // The converters one referenced assembly declares; none without looking when it was not built against Flagon.
        private static CustomConverterSpec[] Declared(IAssemblySymbol assembly, IAssemblySymbol runtime, KnownTypes known)
        {
            if (!assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == runtime.Name)))
            {
                return System.Array.Empty<CustomConverterSpec>();
            }
            var result = new List<CustomConverterSpec>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class, DeclaredAccessibility: Accessibility.Public } type)
                    {
                        pending.Push(type);
                        if (KnownTypes.Attribute(type, known.RouteConverterAttribute) is { } attribute && Read(known, type, attribute) is { } spec)
                        {
                            result.Add(spec);
                        }
                    }
                }
            }
            return result.ToArray();
        }

        /// <summary>The converters of <paramref name="compilation"/>'s own source, by name (computed once per compilation).</summary>
        public static IReadOnlyDictionary<string, CustomConverterSpec> Of(Compilation compilation) =>
            Cache.GetValue(compilation, c =>
            {
                var result = new Dictionary<string, CustomConverterSpec>(System.StringComparer.Ordinal);
                var known = KnownTypes.Of(c);
                var attributeType = known.RouteConverterAttribute;
                if (attributeType is null)
                {
                    return result;
                }
                // Only classes with an attribute spelled like it are bound: cheap on a large program.
                foreach (var tree in c.SyntaxTrees)
                {
                    foreach (var declaration in tree.GetRoot().DescendantNodes(n => n is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax
                        || n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
                        .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
                    {
                        if (!declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("RouteConverter")))
                        {
                            continue;
                        }
                        if (c.GetSemanticModel(tree).GetDeclaredSymbol(declaration) is not INamedTypeSymbol type)
                        {
                            continue;
                        }
                        var attribute = KnownTypes.Attribute(type, attributeType);
                        if (attribute is not null && Read(known, type, attribute) is { } spec && !result.ContainsKey(spec.Name))
                        {
                            result.Add(spec.Name, spec);
                        }
                    }
                }
                // Then the libraries': a name the program's own source declares is its own.
                foreach (var spec in InReferences(c))
                {
                    if (!result.ContainsKey(spec.Name))
                    {
                        result.Add(spec.Name, spec);
                    }
                }
                return result;
            });

        private static ITypeSymbol? ValueType(KnownTypes known, INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (KnownTypes.IsConstructed(current, known.RouteConverterOfT))
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
