using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.Generators
{
    /// <summary>
    /// Gives templates their models' members without reflection: for every <c>Template.Render…(name, model)</c> call,
    /// the named types reachable from the model's type (properties, collection elements) get generated accessors,
    /// registered with Fluid's member access strategy when the program loads. Under Native AOT, where reflection
    /// over those types finds nothing, templates still read them. (The model's own top-level members are read
    /// through a trimming annotation, which covers anonymous types too.)
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TemplateModelGenerator : IIncrementalGenerator
    {
        internal const string TrackingName = "Flagon.TemplateModels";

        private static readonly HashSet<string> RenderMethods = new HashSet<string> { "Render", "RenderAsync", "RenderText", "RenderString" };

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var types = context.SyntaxProvider
                .CreateSyntaxProvider(
                    predicate: static (node, _) => node is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name },
                        ArgumentList.Arguments.Count: 2,
                    } && RenderMethods.Contains(name),
                    transform: static (ctx, ct) => Parse(ctx, ct))
                .Where(static found => found.Count > 0)
                .WithTrackingName(TrackingName)
                .Collect()
                .Select(static (all, _) => all.SelectMany(a => a).Distinct().OrderBy(t => t.TypeName, System.StringComparer.Ordinal).ToEquatableArray());

            context.RegisterSourceOutput(types, static (spc, all) =>
            {
                if (all.Count > 0)
                {
                    spc.AddSource("Flagon.TemplateModels.g.cs", Emit(all));
                }
            });
        }

        private static EquatableArray<TemplateTypeSpec> Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var known = KnownTypes.Of(context.SemanticModel.Compilation);
            if (context.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !KnownTypes.Is(method.ContainingType, known.Template))
            {
                return EquatableArray<TemplateTypeSpec>.Empty;
            }
            var model = context.SemanticModel.GetTypeInfo(invocation.ArgumentList.Arguments[1].Expression, cancellationToken).Type;
            var found = new Dictionary<string, TemplateTypeSpec>();
            Visit(known, model, found, depth: 0, rootIsModel: true);
            return found.Values.ToEquatableArray();
        }

        // Walks the model's type: named types get accessors; collections lead to their elements; anonymous types (the
        // model itself, often) lead to their members' types without accessors of their own.
        private static void Visit(KnownTypes known, ITypeSymbol? type, Dictionary<string, TemplateTypeSpec> found, int depth, bool rootIsModel = false)
        {
            if (type is null || depth > 8 || IsScalar(type))
            {
                return;
            }
            if (type is IArrayTypeSymbol array)
            {
                Visit(known, array.ElementType, found, depth + 1);
                return;
            }
            if (type is not INamedTypeSymbol named)
            {
                return;
            }
            var enumerable = named.AllInterfaces.Append(named)
                .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
            if (enumerable is not null)
            {
                foreach (var argument in DictionaryValue(known, named) is { } value ? new[] { value } : new[] { enumerable.TypeArguments[0] })
                {
                    Visit(known, argument, found, depth + 1);
                }
                return;
            }
            var properties = named.GetMembers().OfType<IPropertySymbol>()
                .Concat(BaseTypes(named).SelectMany(b => b.GetMembers().OfType<IPropertySymbol>()))
                .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is { DeclaredAccessibility: Accessibility.Public })
                .GroupBy(p => p.Name)
                .Select(g => g.First())
                .ToList();
            if (!named.IsAnonymousType && !rootIsModel)
            {
                var name = named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                if (found.ContainsKey(name) || !IsAccessible(named))
                {
                    return;
                }
                found[name] = new TemplateTypeSpec(name, properties.Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray());
            }
            foreach (var property in properties)
            {
                Visit(known, property.Type, found, depth + 1);
            }
        }

        private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
        {
            for (var t = type.BaseType; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                yield return t;
            }
        }

        private static ITypeSymbol? DictionaryValue(KnownTypes known, INamedTypeSymbol type) =>
            type.AllInterfaces.Append(type)
                .FirstOrDefault(i => KnownTypes.IsConstructed(i, known.IDictionaryOfT) || KnownTypes.IsConstructed(i, known.IReadOnlyDictionaryOfT))
                ?.TypeArguments[1];

        private static bool IsScalar(ITypeSymbol type) =>
            type.SpecialType != SpecialType.None
            || type.TypeKind is TypeKind.Enum or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Dynamic
            || (type is INamedTypeSymbol { IsGenericType: true } generic && generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            || KnownTypes.InNamespace(type, "System") || KnownTypes.InNamespace(type, "System.Text.Json") || KnownTypes.InNamespace(type, "System.Text.Json.Nodes");

        private static bool IsAccessible(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal) || t.IsAnonymousType || t.IsGenericType && t.TypeArguments.Any(a => a is ITypeParameterSymbol))
                {
                    return false;
                }
            }
            return true;
        }

        private static string Emit(EquatableArray<TemplateTypeSpec> types)
        {
            var text = new StringBuilder();
            text.AppendLine("// <auto-generated/>");
            text.AppendLine("// Accessors for the types templates read, found in the models of Template.Render calls.");
            text.AppendLine("#nullable enable");
            text.AppendLine();
            text.AppendLine("namespace Flagon.Generated");
            text.AppendLine("{");
            text.AppendLine("    file static class TemplateModels");
            text.AppendLine("    {");
            text.AppendLine("        [global::System.Runtime.CompilerServices.ModuleInitializer]");
            text.AppendLine("        internal static void Register()");
            text.AppendLine("        {");
            foreach (var type in types)
            {
                text.AppendLine($"            global::Flagon.Templates.TemplateModelRegistry.Register<{type.TypeName}>(");
                text.Append(string.Join(",\n", type.Properties.Select(p => $"                (\"{p}\", static value => value.{p})")));
                text.AppendLine(");");
            }
            text.AppendLine("        }");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }
    }
}
