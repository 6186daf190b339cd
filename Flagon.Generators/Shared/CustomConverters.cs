using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Flagon.Generators.Model;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Converters of the program's own (<c>[RouteConverter]</c>) in rules: which names are converters, and a rule's use
    /// of one resolved against its class (the constructor the rule's arguments fit). Shared by the generator (which
    /// resolves uses when it builds the app's model) and the analyzers (which report what does not resolve).
    /// </summary>
    internal static class CustomConverters
    {
        /// <summary>Whether <paramref name="name"/> is one of Werkzeug's converters.</summary>
        public static bool IsBuiltIn(string name) => Array.IndexOf(RuleParser.KnownConverters, name) >= 0;

        /// <summary>The converters a rule may name, as the unknown-converter message lists them: <c>string, int, …, any and slug</c>.</summary>
        public static string KnownList(IEnumerable<string> custom)
        {
            var names = new List<string> { "string", "int", "float", "path", "uuid", "any" };
            names.AddRange(custom.Where(n => !IsBuiltIn(n)).OrderBy(n => n, StringComparer.Ordinal));
            return string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
        }

        /// <summary>
        /// The use of <paramref name="spec"/> with a rule's <paramref name="arguments"/>: the first public constructor
        /// (fewest parameters first) they fit, by position or by parameter name; null and <paramref name="why"/> when none.
        /// </summary>
        public static CustomConverterUse? Resolve(CustomConverterSpec spec, string arguments, out string? why)
        {
            why = null;
            var args = ConverterArguments.Parse(arguments, out var parseError);
            if (args is null)
            {
                why = parseError;
                return null;
            }
            foreach (var constructor in spec.Constructors.OrderBy(c => c.Count))
            {
                var given = new string?[constructor.Count];
                bool fits = args.Count <= constructor.Count;
                for (int i = 0; fits && i < args.Count; i++)
                {
                    int index = args[i].Name is { } key ? IndexOf(constructor, key) : i;
                    fits = index >= 0 && given[index] is null && Literal(args[i], constructor[index].Kind) is { } literal && (given[index] = literal) is not null;
                }
                for (int i = 0; fits && i < constructor.Count; i++)
                {
                    fits = given[i] is not null || constructor[i].Optional;
                }
                if (fits)
                {
                    var creation = string.Join(", ", constructor.Select((p, i) => given[i] is { } value ? $"{p.Name}: {value}" : null).Where(a => a is not null));
                    return new CustomConverterUse(spec.Name, spec.TypeName, spec.Weight, creation);
                }
            }
            why = $"no constructor of {ShortName(spec.TypeName)} takes ({arguments.Trim()})";
            return null;
        }

        private static int IndexOf(Helpers.EquatableArray<ConverterParameterSpec> constructor, string name)
        {
            for (int i = 0; i < constructor.Count; i++)
            {
                if (constructor[i].Name == name)
                {
                    return i;
                }
            }
            return -1;
        }

        // A rule's literal as C# for a parameter of this kind, or null when it does not fit.
        private static string? Literal(ConverterArgument argument, string kind)
        {
            string text = argument.Value;
            switch (kind)
            {
                case "int":
                    return !argument.Quoted && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null;
                case "long":
                    return !argument.Quoted && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : null;
                case "double":
                    return !argument.Quoted && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : null;
                case "bool":
                    return argument.Quoted ? null : text is "True" or "true" ? "true" : text is "False" or "false" ? "false" : null;
                case "string":
                    return Quote(text);
                default:
                    return null;
            }
        }

        private static string Quote(string text)
        {
            var builder = new StringBuilder("\"");
            foreach (char c in text)
            {
                builder.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when c < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }
            return builder.Append('"').ToString();
        }

        private static string ShortName(string typeName)
        {
            int dot = typeName.LastIndexOf('.');
            return dot < 0 ? typeName.Replace("global::", string.Empty) : typeName.Substring(dot + 1);
        }
    }
}
