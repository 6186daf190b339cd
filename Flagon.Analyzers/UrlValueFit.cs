using System;
using System.Globalization;
using System.Linq;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Whether a value given to <c>Url.For</c> or a template's <c>url_for</c> can fill a rule value, judged as the run
    /// time's conversion would: by its type, and, for constants, by the value itself (an int out of the converter's
    /// range, a string that does not parse, a choice <c>any</c> does not have). Values whose type says nothing
    /// (object, a type parameter, a template expression) fit.
    /// </summary>
    internal static class UrlValueFit
    {
        private enum Shape
        {
            Integral,
            Floating,
            Text,
            Guid,
            Enum,
            Other,
        }

        /// <summary>For C#: null when the value fits; otherwise what was given, for the message ("a double", "the value 'x'").</summary>
        public static string? Misfit(ITypeSymbol? type, Optional<object?> constant, VariableSpec variable)
        {
            if (type is null || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error
                || constant.HasValue && constant.Value is null)
            {
                return null;
            }
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }
            var shape = IsIntegral(type) ? Shape.Integral
                : type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal ? Shape.Floating
                : type.SpecialType == SpecialType.System_String ? Shape.Text
                : type.Name == "Guid" && KnownTypes.InNamespace(type, "System") ? Shape.Guid
                : type.TypeKind == TypeKind.Enum ? Shape.Enum
                : Shape.Other;
            string given = constant.HasValue ? $"the value {Show(constant.Value)}" : $"a {type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}";
            return Fits(shape, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), constant, variable) ? null : given;
        }

        /// <summary>For a template's literal (a string, or a number read as long or double): null when it fits; otherwise "the value …".</summary>
        public static string? Misfit(object literal, VariableSpec variable)
        {
            var shape = literal switch
            {
                long => Shape.Integral,
                double => Shape.Floating,
                _ => Shape.Text,
            };
            return Fits(shape, null, literal, variable) ? null : $"the value {Show(literal)}";
        }

        private static bool Fits(Shape shape, string? typeName, Optional<object?> constant, VariableSpec variable)
        {
            string? text = constant.Value as string;
            switch (variable.Kind)
            {
                case ValueKind.Int32:
                case ValueKind.Int64:
                    return shape switch
                    {
                        Shape.Integral => !constant.HasValue || InRange(Convert.ToDecimal(constant.Value, CultureInfo.InvariantCulture), variable.Converter),
                        Shape.Text => text is null || long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) && InRange(parsed, variable.Converter),
                        _ => false,
                    };
                case ValueKind.Double:
                case ValueKind.Single:
                    return shape switch
                    {
                        Shape.Integral or Shape.Floating => true,
                        Shape.Text => text is null || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                        _ => false,
                    };
                case ValueKind.Guid:
                    return shape switch
                    {
                        Shape.Guid => true,
                        Shape.Text => text is null || Guid.TryParse(text, out _),
                        _ => false,
                    };
                case ValueKind.Enum:
                    return shape switch
                    {
                        Shape.Enum => typeName == variable.TypeName,
                        Shape.Text => text is null || variable.EnumMembers.Any(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase)),
                        _ => false,
                    };
                default:
                    // Strings take any value's text; `any` takes only its choices.
                    return variable.Converter.Kind != ConverterKind.Any || text is null || variable.Converter.Choices.Contains(text);
            }
        }

        private static bool IsIntegral(ITypeSymbol type) => type.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64;

        private static bool InRange(decimal value, ConverterSpec converter) => value >= converter.IntMin && value <= converter.IntMax;

        private static string Show(object? value) => value is string text ? $"'{text}'" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
