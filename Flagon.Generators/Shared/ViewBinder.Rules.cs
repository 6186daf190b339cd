using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    // Rule binding: a [Route] (or a literal AddUrlRule) parsed, its variables bound to parameters with their converters,
    // its defaults read; the errors the analyzers report.
    internal static partial class ViewBinder
    {
        /// <summary>The endpoint a [Route] of <paramref name="method"/> names: its <c>Endpoint</c>, else the method's name in snake_case (Flask's rule).</summary>
        public static string EndpointName(IMethodSymbol method, AttributeData attribute) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == "Endpoint").Value.Value as string ?? ToSnakeCase(method.Name);

        /// <summary>Binds one [Route] of <paramref name="method"/>; null (with errors) when it cannot be compiled.</summary>
        /// <remarks>
        /// <paramref name="converters"/> are the program's own converters by name: with them, a use of one is checked
        /// and resolved here (the analyzers); without (null), any unknown name is taken as one and left for the app's
        /// model to resolve (the generator, whose views are read before the converters are).
        /// </remarks>
        public static RuleSpec? BindRule(KnownTypes known, IMethodSymbol method, AttributeData attribute, List<BindingError> errors,
            IReadOnlyDictionary<string, CustomConverterSpec>? converters = null)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string pattern)
            {
                return null;
            }
            int errorCount = errors.Count;
            var parsed = Parse(pattern, converters);
            if (parsed.Error is { } ruleError)
            {
                errors.Add(FromRuleError(ruleError, pattern, converters));
                return null;
            }

            string endpointName = EndpointName(method, attribute);
            string? defaultsText = null;
            bool strictSlashes = true;
            int? trailingSlash = null;
            var methodList = new List<string>();
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Methods" when !named.Value.IsNull:
                        methodList.AddRange(named.Value.Values.Select(v => v.Value as string).Where(v => v is not null)!);
                        break;
                    case "Defaults" when named.Value.Value is string d:
                        defaultsText = d;
                        break;
                    case "StrictSlashes" when named.Value.Value is bool b:
                        strictSlashes = b;
                        break;
                    case "TrailingSlash" when named.Value.Value is int t:
                        trailingSlash = t;
                        break;
                }
            }
            return BindRule(known, method, pattern, parsed, endpointName, methodList, defaultsText, strictSlashes, trailingSlash, errors, errorCount, converters);
        }

        /// <summary>Binds a rule given by its parts (a [Route] attribute, or a literal AddUrlRule call).</summary>
        public static RuleSpec? BindRule(KnownTypes known, IMethodSymbol method, string pattern, string? endpointName, IEnumerable<string>? methodList, string? defaultsText,
            bool strictSlashes, int? trailingSlash, List<BindingError> errors, IReadOnlyDictionary<string, CustomConverterSpec>? converters = null)
        {
            int errorCount = errors.Count;
            var parsed = Parse(pattern, converters);
            if (parsed.Error is { } ruleError)
            {
                errors.Add(FromRuleError(ruleError, pattern, converters));
                return null;
            }
            return BindRule(known, method, pattern, parsed, endpointName, methodList, defaultsText, strictSlashes, trailingSlash, errors, errorCount, converters);
        }

        private static ParsedRule Parse(string pattern, IReadOnlyDictionary<string, CustomConverterSpec>? converters) =>
            RuleParser.Parse(pattern, converters is null ? RuleParser.AnyConverter : converters.ContainsKey);

        private static RuleSpec? BindRule(KnownTypes known, IMethodSymbol method, string pattern, ParsedRule parsed, string? endpointName, IEnumerable<string>? methodList,
            string? defaultsText, bool strictSlashes, int? trailingSlash, List<BindingError> errors, int errorCount, IReadOnlyDictionary<string, CustomConverterSpec>? converters)
        {
            string endpoint = endpointName ?? ToSnakeCase(method.Name);
            var methods = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var m in methodList ?? Enumerable.Empty<string>())
            {
                if (m.Trim().Length > 0)
                {
                    methods.Add(m.Trim().ToUpperInvariant());
                }
            }
            bool automaticOptions = !methods.Contains("OPTIONS");
            bool explicitHead = methods.Contains("HEAD");
            if (methods.Count == 0)
            {
                methods.Add("GET");
            }
            if (methods.Contains("GET"))
            {
                methods.Add("HEAD");
            }
            methods.Add("OPTIONS");
            var policy = trailingSlash is int policyValue ? (TrailingSlashPolicy)policyValue
                : strictSlashes ? TrailingSlashPolicy.Redirect : TrailingSlashPolicy.Accept;

            var variables = new List<VariableSpec>();
            var variableParts = parsed.Parts.Where(p => p.IsVariable).ToList();
            if (variableParts.Count > RouteValueCapacity)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.UnsupportedRuleShape, ErrorTarget.RuleSpan, 0, pattern.Length, null, pattern,
                    $"a rule may have at most {RouteValueCapacity} variables"));
                return null;
            }
            foreach (var part in variableParts)
            {
                var variable = BindVariable(method, part, pattern, errors, converters);
                if (variable is not null)
                {
                    variables.Add(variable);
                }
            }

            var parts = RuleParts.Split(parsed);
            var defaults = BindDefaults(method, defaultsText, variableParts, errors);
            if (errors.Count > errorCount || defaults is null)
            {
                return null;
            }
            var arguments = BindArguments(known, method, variables, defaults, errors);
            if (arguments is null)
            {
                return null;
            }

            return new RuleSpec(pattern, endpoint, methods.ToEquatableArray(), automaticOptions, policy,
                parts.ToEquatableArray(), variables.ToEquatableArray(), defaults.ToEquatableArray(), arguments.ToEquatableArray(), explicitHead);
        }

        /// <summary>Mirrors Flagon.Routing.RouteValueRanges.Capacity.</summary>
        public const int RouteValueCapacity = 16;

        private static BindingError FromRuleError(RuleError error, string pattern, IReadOnlyDictionary<string, CustomConverterSpec>? converters) => error.Kind switch
        {
            RuleErrorKind.MissingLeadingSlash => new BindingError(DiagnosticDescriptors.RuleMissingLeadingSlash, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern),
            RuleErrorKind.UnknownConverter => new BindingError(DiagnosticDescriptors.UnknownConverter, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern, error.Detail,
                CustomConverters.KnownList(converters?.Keys ?? Enumerable.Empty<string>())),
            RuleErrorKind.DuplicateVariable => new BindingError(DiagnosticDescriptors.DuplicateVariable, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern, error.Detail),
            _ => new BindingError(DiagnosticDescriptors.RuleSyntax, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern, error.Detail),
        };

        private static VariableSpec? BindVariable(IMethodSymbol method, RulePart part, string pattern, List<BindingError> errors,
            IReadOnlyDictionary<string, CustomConverterSpec>? converters)
        {
            var parameter = method.Parameters.FirstOrDefault(p => p.Name == part.Text);
            if (parameter is null)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.VariableWithoutParameter, ErrorTarget.RuleSpan, part.Start, part.Length, null, part.Text, method.Name));
                return null;
            }
            if (part.Converter.Length > 0 && !CustomConverters.IsBuiltIn(part.Converter))
            {
                return BindCustomVariable(part, parameter, pattern, errors, converters);
            }
            var (kind, type, nullable) = ClassifyValue(parameter.Type);
            if (kind is null)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ConverterTypeMismatch, ErrorTarget.Parameter, parameter.Ordinal, 0, null, part.Text,
                    part.Converter.Length == 0 ? "string" : part.Converter, parameter.Type.ToDisplayString()));
                return null;
            }
            var enumMembers = type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                ? enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToList()
                : new List<string>();

            string converterName = part.Converter.Length > 0 ? part.Converter : ConverterBinder.Infer(kind.Value);
            bool fits = ConverterBinder.Fits(converterName, kind.Value);
            if (!fits)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ConverterTypeMismatch, ErrorTarget.RuleSpan, part.Start, part.Length, null, part.Text,
                    converterName, parameter.Type.ToDisplayString()));
                return null;
            }

            var converter = BindConverter(converterName, part, kind.Value, enumMembers, pattern, errors, out var orderedMembers);
            if (converter is null)
            {
                return null;
            }
            return new VariableSpec(part.Text, converter, kind.Value, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), nullable,
                orderedMembers.ToEquatableArray());
        }

        // A variable of a converter of the program's own: its value type must be the parameter's (FLG0103) and the
        // rule's arguments must fit a constructor (FLG0005); unchecked, and left unresolved, without the converters.
        private static VariableSpec? BindCustomVariable(RulePart part, IParameterSymbol parameter, string pattern, List<BindingError> errors,
            IReadOnlyDictionary<string, CustomConverterSpec>? converters)
        {
            var type = parameter.Type;
            bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            {
                type = wrapped.TypeArguments[0];
                nullable = true;
            }
            string typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var use = new CustomConverterUse(part.Converter);
            if (converters is not null && converters.TryGetValue(part.Converter, out var spec))
            {
                if (spec.ValueTypeName != typeName)
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ConverterTypeMismatch, ErrorTarget.RuleSpan, part.Start, part.Length, null, part.Text,
                        part.Converter, parameter.Type.ToDisplayString()));
                    return null;
                }
                use = CustomConverters.Resolve(spec, part.Arguments, out var why)!;
                if (use is null)
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.BadConverterArguments, ErrorTarget.RuleSpan, part.Start, part.Length, null, pattern, part.Converter, why!));
                    return null;
                }
            }
            var converter = new ConverterSpec(ConverterKind.Custom, part.Arguments.Trim(), 1, int.MaxValue, 0, false, string.Empty, string.Empty,
                EquatableArray<string>.Empty, Custom: use);
            return new VariableSpec(part.Text, converter, ValueKind.Custom, typeName, nullable, EquatableArray<string>.Empty);
        }

        /// <summary>The value kind of a parameter type that a rule value can bind to (null if none), unwrapping Nullable.</summary>
        public static (ValueKind? Kind, ITypeSymbol Type, bool Nullable) ClassifyValue(ITypeSymbol type)
        {
            bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            {
                type = wrapped.TypeArguments[0];
                nullable = true;
            }
            ValueKind? kind = type.SpecialType switch
            {
                SpecialType.System_String => ValueKind.String,
                SpecialType.System_Int32 => ValueKind.Int32,
                SpecialType.System_Int64 => ValueKind.Int64,
                SpecialType.System_Double => ValueKind.Double,
                SpecialType.System_Single => ValueKind.Single,
                _ => null,
            };
            if (kind is null && type.TypeKind == TypeKind.Enum)
            {
                kind = ValueKind.Enum;
            }
            if (kind is null && type is INamedTypeSymbol { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                kind = ValueKind.Guid;
            }
            return (kind, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), nullable);
        }

        private static ConverterSpec? BindConverter(string name, RulePart part, ValueKind kind, List<string> enumMembers, string pattern, List<BindingError> errors, out List<string> orderedMembers)
        {
            var converter = ConverterBinder.Bind(name, part.Arguments, kind, enumMembers, out var why, out orderedMembers);
            if (converter is null)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.BadConverterArguments, ErrorTarget.RuleSpan, part.Start, part.Length, null, pattern, name, why!));
            }
            return converter;
        }

        private static List<DefaultSpec>? BindDefaults(IMethodSymbol method, string? text, List<RulePart> variableParts, List<BindingError> errors)
        {
            var result = new List<DefaultSpec>();
            if (string.IsNullOrWhiteSpace(text))
            {
                return result;
            }
            foreach (var item in text!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = item.IndexOf('=');
                string name = eq < 0 ? item.Trim() : item.Substring(0, eq).Trim();
                string value = eq < 0 ? string.Empty : item.Substring(eq + 1).Trim();
                BindingError Bad(string why) => new BindingError(DiagnosticDescriptors.BadDefaults, ErrorTarget.Attribute, 0, 0, "Defaults", text, why);
                if (eq < 0 || name.Length == 0)
                {
                    errors.Add(Bad($"'{item.Trim()}' is not name=value"));
                    return null;
                }
                if (variableParts.Any(v => v.Text == name))
                {
                    errors.Add(Bad($"'{name}' is a variable of the rule; a default gives a value the URL does not"));
                    return null;
                }
                var parameter = method.Parameters.FirstOrDefault(p => p.Name == name);
                if (parameter is null)
                {
                    errors.Add(Bad($"the view has no parameter '{name}'"));
                    return null;
                }
                var (kind, type, _) = ClassifyValue(parameter.Type);
                string? literal = kind switch
                {
                    ValueKind.String => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true),
                    ValueKind.Int32 => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null,
                    ValueKind.Int64 => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : null,
                    ValueKind.Double => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : null,
                    ValueKind.Single => float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f.ToString("R", CultureInfo.InvariantCulture) + "f" : null,
                    ValueKind.Guid => Guid.TryParse(value, out var g) ? $"new global::System.Guid(\"{g:D}\")" : null,
                    ValueKind.Enum => ((INamedTypeSymbol)type).GetMembers().OfType<IFieldSymbol>().FirstOrDefault(m => m.IsConst && string.Equals(m.Name, value, StringComparison.OrdinalIgnoreCase)) is { } member
                        ? $"{type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}.{member.Name}" : null,
                    _ => null,
                };
                if (literal is null)
                {
                    errors.Add(Bad($"'{value}' is not a valid {parameter.Type.ToDisplayString()} for '{name}'"));
                    return null;
                }
                result.Add(new DefaultSpec(name, value, literal, kind!.Value));
            }
            return result;
        }
    }
}
