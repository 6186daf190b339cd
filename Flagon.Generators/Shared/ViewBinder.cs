using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Binds a view method and its [Route] attributes into specs: rule parts, converters checked against
    /// parameter types, defaults, and the source of every argument. The generator compiles what binds; the
    /// analyzers report the errors. One implementation, compiled into both, so they never disagree. Split by job:
    /// here what a view and a blueprint class must be; rules (ViewBinder.Rules.cs), parameter sources
    /// (ViewBinder.Parameters.cs), return types (ViewBinder.Returns.cs), handlers and hooks (ViewBinder.Handlers.cs).
    /// </summary>
    internal static partial class ViewBinder
    {
        /// <summary>The [Blueprint] attribute of <paramref name="type"/>, or null: the one place that says whether a class is a blueprint.</summary>
        public static AttributeData? BlueprintAttribute(KnownTypes known, INamedTypeSymbol type) => KnownTypes.Attribute(type, known.BlueprintAttribute);

        /// <summary>Whether <paramref name="type"/> is a [Blueprint] class.</summary>
        public static bool IsBlueprint(KnownTypes known, INamedTypeSymbol type) => BlueprintAttribute(known, type) is not null;

        /// <summary>The name in [Blueprint("name")] of <paramref name="type"/>, or null for a class that is not a blueprint.</summary>
        public static string? BlueprintName(KnownTypes known, INamedTypeSymbol type) =>
            BlueprintAttribute(known, type) is { } blueprint && blueprint.ConstructorArguments.Length == 1 && blueprint.ConstructorArguments[0].Value is string name
                ? name
                : null;

        /// <summary>Why a [Blueprint] class cannot be extended by the generator, or null when it can.</summary>
        public static string? CheckBlueprint(INamedTypeSymbol type)
        {
            if (type.IsStatic)
            {
                return "it must not be static (it implements IBlueprint)";
            }
            if (type.ContainingType is not null)
            {
                return "it must be a top-level class, not nested";
            }
            if (type.IsGenericType)
            {
                return "it must not be generic";
            }
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword)))
                {
                    return "it must be partial (the generator adds its route table to it)";
                }
            }
            return null;
        }

        /// <summary>Whether generated code in the same assembly can call <paramref name="method"/> directly.</summary>
        public static bool IsCallable(IMethodSymbol method) => NotCallableBecause(method) is null;

        /// <summary>Why generated code cannot call the method, in the words of the fix; null when it can.</summary>
        public static string? NotCallableBecause(IMethodSymbol method) =>
            method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                ? $"it is {(method.DeclaredAccessibility == Accessibility.Private ? "private" : "protected")}; make it public or internal"
            : method.ContainingType.DeclaredAccessibility == Accessibility.Private ? $"its class '{method.ContainingType.Name}' is private; make the class internal or public"
            : method.IsGenericMethod ? "it is generic; the route table cannot choose its type arguments"
            : method.ContainingType.IsGenericType ? $"its class '{method.ContainingType.Name}' is generic; the route table cannot choose its type arguments"
            : null;

        /// <summary>Checks what is wrong with the view as a whole (return type, accessibility, construction).</summary>
        public static void CheckView(KnownTypes known, IMethodSymbol method, List<BindingError> errors)
        {
            if (NotCallableBecause(method) is { } why)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ViewNotCallable, ErrorTarget.Method, 0, 0, null, method.Name, why));
            }
            else if (!method.IsStatic && !method.ContainingType.IsAbstract && (method.ContainingType.IsStatic || PickConstructor(method.ContainingType) is null))
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ViewNotCallable, ErrorTarget.Method, 0, 0, null, method.Name,
                    $"it is an instance method, so '{method.ContainingType.Name}' needs a public constructor (or make the view static)"));
            }
            if (ClassifyReturn(known, method.ReturnType) is ReturnKind.Unsupported or ReturnKind.Task)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.UnsupportedReturnType, ErrorTarget.Method, 0, 0, null, method.Name,
                    method.ReturnType.ToDisplayString()));
            }
        }

        /// <summary>Flask names an endpoint after its function: <c>DefaultPage</c> becomes <c>default_page</c>.</summary>
        public static string ToSnakeCase(string name) => EndpointNames.FromMethod(name);
    }
}
