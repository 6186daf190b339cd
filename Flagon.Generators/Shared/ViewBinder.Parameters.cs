using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    // Parameter sources: where each view parameter's value comes from (a variable, a default, the request, a service),
    // and the constructor an instance view is made with.
    internal static partial class ViewBinder
    {
        /// <summary>The constructor generated code calls for an instance view: the public one with the most parameters.</summary>
        public static IMethodSymbol? PickConstructor(INamedTypeSymbol type) =>
            type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();


        private static List<ArgumentSpec>? BindArguments(KnownTypes known, IMethodSymbol method, List<VariableSpec> variables, List<DefaultSpec> defaults, List<BindingError> errors)
        {
            var result = new List<ArgumentSpec>();
            foreach (var parameter in method.Parameters)
            {
                string typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                int variable = variables.FindIndex(v => v.Name == parameter.Name);
                if (variable >= 0)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Variable, variable, string.Empty, typeName));
                    continue;
                }
                var @default = defaults.FirstOrDefault(d => d.Name == parameter.Name);
                if (@default is not null)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Default, 0, @default.Literal, typeName));
                    continue;
                }
                var special = SpecialSource(known, parameter.Type);
                if (special is not null)
                {
                    result.Add(new ArgumentSpec(parameter.Name, special.Value, 0, string.Empty, typeName));
                    continue;
                }
                var (kind, _, nullable) = ClassifyValue(parameter.Type);
                if (parameter.HasExplicitDefaultValue)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Omitted, 0, DefaultLiteral(parameter), typeName));
                }
                else if (kind is not null && nullable)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Default, 0, "null", typeName));
                }
                else if (kind is not null || !CanBeService(known, parameter.Type))
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Service, 0, string.Empty, typeName));
                }
            }
            return result;
        }

        /// <summary>
        /// Whether a view parameter of this type may come from the app's services: not an exception (only error handlers
        /// receive one), not Flagon's response (only after-request hooks do), not a delegate or a task.
        /// </summary>
        private static bool CanBeService(KnownTypes known, ITypeSymbol type) =>
            !KnownTypes.IsOrDerives(type, known.Exception) && !KnownTypes.IsOrDerives(type, known.Response)
            && type.TypeKind is not (TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer)
            && !KnownTypes.IsOrDerives(type, known.Task) && !KnownTypes.Is(type, known.ValueTask) && !KnownTypes.Is(type, known.ValueTaskOfT);

        /// <summary>A parameter's default value as C#, for calls that must pass every argument (through a delegate).</summary>
        private static string DefaultLiteral(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return "default";
            }
            if (parameter.Type.TypeKind == TypeKind.Enum)
            {
                return $"({parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)}";
            }
            string primitive = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false) ?? "default";
            return primitive switch
            {
                var text when value is float => text + "f",
                var text when value is double && !text.Contains('.') && !text.Contains('E') => text + ".0",
                var text when value is long => text + "L",
                var text when value is decimal => text + "m",
                var text => text,
            };
        }

        private static ArgumentSource? SpecialSource(KnownTypes known, ITypeSymbol type) =>
            KnownTypes.Is(type, known.HttpContext) ? ArgumentSource.HttpContext
            : KnownTypes.Is(type, known.HttpRequest) ? ArgumentSource.HttpRequest
            : KnownTypes.Is(type, known.HttpResponse) ? ArgumentSource.HttpResponse
            : KnownTypes.Is(type, known.CancellationToken) ? ArgumentSource.CancellationToken
            : null;
    }
}
