using System;
using System.Globalization;
using System.Linq;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Whether a value given to <c>Url.For</c> can fill a rule value, judged as the run time's conversion would: by its
    /// type, and, for constants, by the value itself (an int out of the converter's range, a string that does not
    /// parse, a choice <c>any</c> does not have). Values whose type says nothing (object, a type parameter) fit.
    /// </summary>
    internal static class UrlValueFit
    {
        /// <summary>Null when the value fits; otherwise what was given, for the message ("a double", "the value 'x'").</summary>
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
            bool isString = type.SpecialType == SpecialType.System_String;
            string given = constant.HasValue ? $"the value {Show(constant.Value)}" : $"a {type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}";
            switch (variable.Kind)
            {
                case ValueKind.Int32:
                case ValueKind.Int64:
                    if (IsIntegral(type))
                    {
                        return constant.HasValue && !InRange(Convert.ToDecimal(constant.Value, CultureInfo.InvariantCulture), variable.Converter) ? given : null;
                    }
                    if (isString)
                    {
                        return constant.Value is string text && (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) || !InRange(parsed, variable.Converter)) ? given : null;
                    }
                    return given;
                case ValueKind.Double:
                case ValueKind.Single:
                    if (IsIntegral(type) || type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal)
                    {
                        return null;
                    }
                    if (isString)
                    {
                        return constant.Value is string text && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? given : null;
                    }
                    return given;
                case ValueKind.Guid:
                    if (type.ToDisplayString() == "System.Guid")
                    {
                        return null;
                    }
                    if (isString)
                    {
                        return constant.Value is string text && !Guid.TryParse(text, out _) ? given : null;
                    }
                    return given;
                case ValueKind.Enum:
                    if (type.TypeKind == TypeKind.Enum)
                    {
                        return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == variable.TypeName ? null : given;
                    }
                    if (isString)
                    {
                        return constant.Value is string text && !variable.EnumMembers.Any(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase)) ? given : null;
                    }
                    return given;
                default:
                    // Strings take any value's text; `any` takes only its choices.
                    if (variable.Converter.Kind == ConverterKind.Any && constant.Value is string choice && !variable.Converter.Choices.Contains(choice))
                    {
                        return given;
                    }
                    return null;
            }
        }

        private static bool IsIntegral(ITypeSymbol type) => type.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64;

        private static bool InRange(decimal value, ConverterSpec converter) =>
            value >= Bound(converter.Min, long.MinValue) && value <= Bound(converter.Max, long.MaxValue);

        // The converter's bounds are kept as C# literals for the generated code ("0L", "long.MinValue").
        private static decimal Bound(string literal, long fallback) =>
            long.TryParse(literal.TrimEnd('L'), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : fallback;

        private static string Show(object? value) => value is string text ? $"'{text}'" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
