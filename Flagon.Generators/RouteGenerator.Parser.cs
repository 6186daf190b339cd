using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators
{
    public sealed partial class RouteGenerator
    {
        /// <summary>Turns symbols into specs. Nothing it returns holds a symbol, a syntax node or the compilation.</summary>
        internal static class Parser
        {
            /// <summary>
            /// The spec of a [Route] view, or null when it cannot be compiled. Errors are not reported here: the
            /// analyzers run the same binder and report them while the user types.
            /// </summary>
            public static ViewSpec? ParseView(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            {
                if (context.TargetSymbol is not IMethodSymbol method)
                {
                    return null;
                }
                var errors = new List<BindingError>();
                ViewBinder.CheckView(method, errors);
                if (errors.Count > 0)
                {
                    return null;
                }

                var rules = new List<RuleSpec>();
                foreach (var attribute in context.Attributes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rule = ViewBinder.BindRule(method, attribute, errors);
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
                if (rules.Count == 0)
                {
                    return null;
                }

                var type = method.ContainingType;
                var constructorServices = method.IsStatic
                    ? EquatableArray<string>.Empty
                    : ViewBinder.PickConstructor(type)!.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).ToEquatableArray();
                bool isBlueprint = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ViewBinder.BlueprintAttributeName);

                return new ViewSpec(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.Name,
                    method.IsStatic,
                    constructorServices,
                    ViewBinder.ClassifyReturn(method.ReturnType),
                    isBlueprint ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : string.Empty,
                    rules.ToEquatableArray());
            }

            /// <summary>The spec of a [Blueprint] class, or null when it cannot be extended (reported by the analyzers).</summary>
            public static BlueprintSpec? ParseBlueprint(GeneratorAttributeSyntaxContext context)
            {
                if (context.TargetSymbol is not INamedTypeSymbol type || ViewBinder.CheckBlueprint(type) is not null)
                {
                    return null;
                }
                var attribute = context.Attributes[0];
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name || name.Length == 0)
                {
                    return null;
                }
                string? prefix = attribute.NamedArguments.FirstOrDefault(a => a.Key == "UrlPrefix").Value.Value as string;
                return new BlueprintSpec(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                    type.Name,
                    name,
                    prefix);
            }

            /// <summary>The spec of an [ErrorHandler] method, or null when it cannot be called (reported by the analyzers).</summary>
            public static ErrorHandlerSpec? ParseErrorHandler(GeneratorAttributeSyntaxContext context)
            {
                if (context.TargetSymbol is not IMethodSymbol method)
                {
                    return null;
                }
                var errors = new List<BindingError>();
                ViewBinder.CheckView(method, errors);
                var arguments = ViewBinder.BindErrorHandler(method, errors);
                var codes = context.Attributes
                    .Where(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int)
                    .Select(a => (int)a.ConstructorArguments[0].Value!)
                    .Distinct()
                    .ToList();
                if (errors.Count > 0 || arguments is null || codes.Count == 0)
                {
                    return null;
                }
                var type = method.ContainingType;
                bool isBlueprint = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ViewBinder.BlueprintAttributeName);
                return new ErrorHandlerSpec(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.Name,
                    method.IsStatic,
                    method.IsStatic
                        ? EquatableArray<string>.Empty
                        : ViewBinder.PickConstructor(type)!.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).ToEquatableArray(),
                    codes.ToEquatableArray(),
                    ViewBinder.ClassifyReturn(method.ReturnType),
                    arguments.ToEquatableArray(),
                    isBlueprint ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : string.Empty);
            }

            public static AppSpec BuildApp(ImmutableArray<ViewSpec> views, ImmutableArray<BlueprintSpec> blueprints, ImmutableArray<ErrorHandlerSpec> errorHandlers) =>
                new AppSpec(
                    views
                        .OrderBy(v => v.ContainingType, StringComparer.Ordinal)
                        .ThenBy(v => v.MethodName, StringComparer.Ordinal)
                        .ToEquatableArray(),
                    blueprints.OrderBy(b => b.TypeName, StringComparer.Ordinal).ToEquatableArray(),
                    errorHandlers
                        .OrderBy(h => h.ContainingType, StringComparer.Ordinal)
                        .ThenBy(h => h.MethodName, StringComparer.Ordinal)
                        .ToEquatableArray());
        }
    }
}
