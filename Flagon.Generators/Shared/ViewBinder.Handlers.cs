using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    // Error handlers and request hooks: their attributes, the exceptions they take, how their parameters are filled.
    internal static partial class ViewBinder
    {

        /// <summary>
        /// How each parameter of an error handler or request hook is filled: the exception (a parameter of an exception
        /// type that can hold every exception the handler takes: <paramref name="handled"/>), the response (after-request
        /// hooks), the request, or services; null (with errors) when a parameter cannot be filled.
        /// </summary>
        /// <param name="known">The compilation's known types.</param>
        /// <param name="method">The handler or hook.</param>
        /// <param name="errors">Where the errors go.</param>
        /// <param name="handled">
        /// The exception types the handler takes (<c>HttpError</c> for a status handler); null for a hook, whose exception
        /// (teardown) is any <c>Exception</c>.
        /// </param>
        /// <param name="receivesResponse">Whether the method receives the response (after-request hooks).</param>
        /// <param name="receivesError">Whether the method receives an exception (error handlers and teardown hooks).</param>
        public static List<ArgumentSpec>? BindErrorHandler(KnownTypes known, IMethodSymbol method, List<BindingError> errors, IReadOnlyList<ITypeSymbol>? handled = null,
            bool receivesResponse = false, bool receivesError = true)
        {
            var result = new List<ArgumentSpec>();
            foreach (var parameter in method.Parameters)
            {
                string typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                bool isResponse = KnownTypes.Is(parameter.Type, known.Response);
                if (isResponse && receivesResponse)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Response, 0, string.Empty, typeName));
                }
                else if (isResponse)
                {
                    // Only an after-request hook receives the response; anywhere else nothing could fill it.
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else if (KnownTypes.IsOrDerives(parameter.Type, known.Exception) && !receivesError)
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else if (KnownTypes.IsOrDerives(parameter.Type, known.Exception))
                {
                    // The handled exception, cast to the parameter's type: every type the handler takes must fit it.
                    var expected = (INamedTypeSymbol)parameter.Type.OriginalDefinition;
                    var misfit = handled?.FirstOrDefault(t => !KnownTypes.IsOrDerives(t, expected));
                    if (misfit is not null || (handled is null && !KnownTypes.Is(expected, known.Exception)))
                    {
                        errors.Add(new BindingError(DiagnosticDescriptors.ErrorParameterDoesNotFit, ErrorTarget.Parameter, parameter.Ordinal, 0, null,
                            parameter.Name, parameter.Type.ToDisplayString(), method.Name, misfit is not null ? $"'{misfit.ToDisplayString()}'" : "any Exception"));
                        return null;
                    }
                    // With its nullability: the generated cast of a teardown's Exception? must keep it.
                    string castType = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
                        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Error, 0, string.Empty, castType));
                }
                else if (SpecialSource(known, parameter.Type) is { } special)
                {
                    result.Add(new ArgumentSpec(parameter.Name, special, 0, string.Empty, typeName));
                }
                else if (parameter.HasExplicitDefaultValue)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Omitted, 0, string.Empty, typeName));
                }
                else if (ClassifyValue(parameter.Type).Kind is not null || !CanBeService(known, parameter.Type))
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

        /// <summary>The exception types an [ErrorHandler] method takes: its types, and <c>HttpError</c> for its status codes.</summary>
        public static List<ITypeSymbol> HandledExceptionTypes(KnownTypes known, IEnumerable<AttributeData> attributes)
        {
            var types = new List<ITypeSymbol>();
            foreach (var attribute in attributes)
            {
                if (attribute.ConstructorArguments.Length != 1)
                {
                    continue;
                }
                if (attribute.ConstructorArguments[0].Value is ITypeSymbol type)
                {
                    types.Add(type);
                }
                else if (attribute.ConstructorArguments[0].Value is int && known.HttpError is { } httpError)
                {
                    types.Add(httpError);
                }
            }
            return types;
        }
    }
}
