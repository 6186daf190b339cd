using System;
using System.Linq;
using System.Text;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>What the generator and the analyzer agree on about [Command] methods (the app's own commands).</summary>
    internal static class CliCommands
    {
        private static readonly SymbolDisplayFormat TypeFormat =
            SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Why <paramref name="method"/> cannot be a command, or null when it can.</summary>
        public static string? Check(KnownTypes known, IMethodSymbol method, AttributeData attribute)
        {
            if (TemplateFunctions.CheckCallable(method) is { } reason)
            {
                return reason;
            }
            var name = CommandName(method, attribute);
            if (name.Length == 0 || name[0] == '-' || name.Any(char.IsWhiteSpace))
            {
                return $"its command name '{name}' must be a word without spaces that does not start with '-'";
            }
            if (ReturnOf(known, method) is null)
            {
                return $"it must return int, Task<int> or ValueTask<int> (the exit code), or void, Task or ValueTask, not '{method.ReturnType.ToDisplayString()}'";
            }
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    return $"its parameter '{parameter.Name}' must be a plain parameter (not ref, out, in or params)";
                }
                bool forced = KnownTypes.Has(parameter, known.CommandOptionAttribute) || KnownTypes.Has(parameter, known.CommandArgumentAttribute);
                if (forced && !IsCommandLineType(known, parameter.Type))
                {
                    return $"its parameter '{parameter.Name}' is marked as an option or argument, but System.CommandLine cannot read a '{parameter.Type.ToDisplayString()}' from the command line";
                }
                if (KnownTypes.Has(parameter, known.CommandOptionAttribute) && KnownTypes.Has(parameter, known.CommandArgumentAttribute))
                {
                    return $"its parameter '{parameter.Name}' cannot be both an option and an argument";
                }
                if (KnownTypes.Attribute(parameter, known.CommandOptionAttribute) is { } option)
                {
                    foreach (var optionName in OptionNames(option))
                    {
                        if (optionName is null || optionName.Length < 2 || optionName[0] != '-' || optionName.Any(char.IsWhiteSpace))
                        {
                            return $"its option '{parameter.Name}' has the name '{optionName}', which must start with '-' and have no spaces";
                        }
                    }
                }
            }
            return null;
        }

        /// <summary>The command's name: the attribute's, or the method's in kebab case.</summary>
        public static string CommandName(IMethodSymbol method, AttributeData attribute) =>
            attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name
                ? name
                : Kebab(method.Name);

        /// <summary>The command to register, read from a method that <see cref="Check"/> accepted.</summary>
        public static CommandSpec Read(KnownTypes known, IMethodSymbol method, AttributeData attribute)
        {
            var docs = Documentation.Of(method);
            var description = Named(attribute, "Description") ?? docs.Summary;
            var parameters = method.Parameters.Select(p => ReadParameter(known, p, docs)).ToEquatableArray();
            return new CommandSpec(
                method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                method.Name,
                CommandName(method, attribute),
                description,
                ReturnOf(known, method)!.Value,
                parameters);
        }

        private static CommandParameterSpec ReadParameter(KnownTypes known, IParameterSymbol parameter, Documentation docs)
        {
            var type = parameter.Type.ToDisplayString(TypeFormat);
            var option = KnownTypes.Attribute(parameter, known.CommandOptionAttribute);
            var argument = KnownTypes.Attribute(parameter, known.CommandArgumentAttribute);
            var description = Named(option ?? argument, "Description") ?? docs.Parameter(parameter.Name);
            var defaultValue = parameter.HasExplicitDefaultValue ? Literal(parameter) : null;
            bool many = parameter.Type is IArrayTypeSymbol;
            bool nullable = IsNullable(parameter.Type);

            if (KnownTypes.Is(parameter.Type, known.CancellationToken) && option is null && argument is null)
            {
                return new CommandParameterSpec(CommandParameterKind.CancellationToken, parameter.Name, type, EquatableArray<string>.Empty, null, null, false, false, false);
            }
            if (option is null && argument is null && !IsCommandLineType(known, parameter.Type))
            {
                return new CommandParameterSpec(CommandParameterKind.Service, parameter.Name, type, EquatableArray<string>.Empty, null, null, false, false, nullable);
            }
            bool isBool = parameter.Type.SpecialType == SpecialType.System_Boolean;
            bool asOption = option is not null || (argument is null && (defaultValue is not null || isBool));
            if (asOption)
            {
                var given = option is null ? Array.Empty<string>() : OptionNames(option).Select(n => n ?? string.Empty).ToArray();
                var optionNames = given.Length > 0 ? given : new[] { "--" + Kebab(parameter.Name) };
                bool required = defaultValue is null && !isBool && !nullable && !many;
                return new CommandParameterSpec(CommandParameterKind.Option, parameter.Name, type, optionNames.ToEquatableArray(), description, defaultValue, required, many, false);
            }
            return new CommandParameterSpec(CommandParameterKind.Argument, parameter.Name, type, new[] { parameter.Name }.ToEquatableArray(),
                description, defaultValue, defaultValue is null && !nullable, many, false);
        }

        /// <summary>What the method returns, or null when it is not an exit code or nothing.</summary>
        public static CommandReturn? ReturnOf(KnownTypes known, IMethodSymbol method)
        {
            if (method.ReturnsVoid)
            {
                return CommandReturn.Void;
            }
            var type = method.ReturnType;
            if (type.SpecialType == SpecialType.System_Int32)
            {
                return CommandReturn.Int;
            }
            bool returnsInt = type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && generic.TypeArguments[0].SpecialType == SpecialType.System_Int32;
            return KnownTypes.Is(type, known.Task) ? CommandReturn.Task
                : KnownTypes.Is(type, known.ValueTask) ? CommandReturn.ValueTask
                : KnownTypes.IsConstructed(type, known.TaskOfT) && returnsInt ? CommandReturn.TaskOfInt
                : KnownTypes.IsConstructed(type, known.ValueTaskOfT) && returnsInt ? CommandReturn.ValueTaskOfInt
                : null;
        }

        /// <summary>Whether System.CommandLine reads values of <paramref name="type"/> from the command line by itself.</summary>
        public static bool IsCommandLineType(KnownTypes known, ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.Rank == 1 && array.ElementType is not IArrayTypeSymbol && IsCommandLineType(known, array.ElementType);
            }
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }
            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_DateTime:
                    return true;
            }
            return known.IsCommandLineValue(type);
        }

        /// <summary><c>CreateUser</c>, <c>dryRun</c>, <c>max_count</c>: <c>create-user</c>, <c>dry-run</c>, <c>max-count</c>.</summary>
        public static string Kebab(string name)
        {
            var text = new StringBuilder(name.Length + 4);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '_')
                {
                    if (text.Length > 0 && text[text.Length - 1] != '-')
                    {
                        text.Append('-');
                    }
                    continue;
                }
                if (char.IsUpper(c))
                {
                    bool afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                    bool beforeLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                    if ((afterLower || beforeLower) && text.Length > 0 && text[text.Length - 1] != '-')
                    {
                        text.Append('-');
                    }
                    text.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    text.Append(c);
                }
            }
            return text.ToString().Trim('-');
        }

        private static bool IsNullable(ITypeSymbol type) =>
            type.NullableAnnotation == NullableAnnotation.Annotated
            || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        private static string Literal(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            var type = parameter.Type.ToDisplayString(TypeFormat);
            switch (value)
            {
                case null:
                    return "default";
                case string text:
                    return Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
                case char c:
                    return Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(c, quote: true);
                case bool b:
                    return b ? "true" : "false";
                default:
                    return $"({type})({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})";
            }
        }

        private static string?[] OptionNames(AttributeData option) =>
            option.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } names
                ? names.Values.Select(v => v.Value as string).ToArray()
                : Array.Empty<string?>();

        private static string? Named(AttributeData? attribute, string name) =>
            attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
    }
}
