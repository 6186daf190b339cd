using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Resolves a rule variable's converter: its arguments checked and clamped to the parameter's type, Werkzeug's
    /// converter inferred from the type when the rule names none. Used for [Route] rules at build time and for rules
    /// added at run time, so both get the same converters and the same errors (FLG0005, FLG0103).
    /// </summary>
    internal static class ConverterBinder
    {
        /// <summary>The converter a variable without one gets from its parameter's type.</summary>
        public static string Infer(ValueKind kind) => kind switch
        {
            ValueKind.Int32 or ValueKind.Int64 => "int",
            ValueKind.Double or ValueKind.Single => "float",
            ValueKind.Guid => "uuid",
            ValueKind.Enum => "any",
            _ => "string",
        };

        /// <summary>Whether converter <paramref name="name"/> can bind to a parameter of <paramref name="kind"/>.</summary>
        public static bool Fits(string name, ValueKind kind) => name switch
        {
            "string" or "path" => kind == ValueKind.String,
            "int" => kind is ValueKind.Int32 or ValueKind.Int64,
            "float" => kind is ValueKind.Double or ValueKind.Single,
            "uuid" => kind == ValueKind.Guid,
            "any" => kind is ValueKind.String or ValueKind.Enum,
            _ => false,
        };

        private static ConverterSpec? Fail(List<string> errors, out string? why)
        {
            why = errors.Count > 0 ? errors[errors.Count - 1] : "invalid arguments";
            return null;
        }

        /// <summary>
        /// Resolves converter <paramref name="name"/> with its <paramref name="arguments"/> (as written in the rule)
        /// for a parameter of <paramref name="kind"/>: null and <paramref name="why"/> when they are not valid.
        /// </summary>
        public static ConverterSpec? Bind(string name, string arguments, ValueKind kind, IReadOnlyList<string> enumMembers, out string? why, out List<string> orderedMembers)
        {
            orderedMembers = new List<string>();
            why = null;
            var errors = new List<string>();
            string Bad(string reason) => reason;
            var args = ConverterArguments.Parse(arguments, out var parseError);
            if (args is null)
            {
                errors.Add(parseError!);
                return Fail(errors, out why);
            }

            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            string[] positions = name switch
            {
                "string" => new[] { "minlength", "maxlength", "length" },
                "int" => new[] { "fixed_digits", "min", "max", "signed" },
                "float" => new[] { "min", "max", "signed" },
                _ => new string[0],
            };
            var choices = new List<string>();
            for (int i = 0; i < args.Count; i++)
            {
                if (name == "any")
                {
                    if (args[i].Name is not null)
                    {
                        errors.Add(Bad($"any takes only positional values, not '{args[i].Name}'"));
                        return Fail(errors, out why);
                    }
                    choices.Add(args[i].Value);
                    continue;
                }
                string? key = args[i].Name ?? (i < positions.Length ? positions[i] : null);
                if (key is null || Array.IndexOf(positions, key) < 0)
                {
                    errors.Add(Bad(key is null ? $"too many arguments for {name}" : $"{name} has no argument '{key}'"));
                    return Fail(errors, out why);
                }
                if (named.ContainsKey(key))
                {
                    errors.Add(Bad($"'{key}' is given twice"));
                    return Fail(errors, out why);
                }
                named[key] = args[i].Value;
            }

            int minLength = 1, maxLength = int.MaxValue, fixedDigits = 0;
            bool signed = false;
            string min = string.Empty, max = string.Empty;
            long intMin = long.MinValue, intMax = long.MaxValue;
            switch (name)
            {
                case "string":
                    if (!TryInt(named, "minlength", 0, ref minLength, Bad, errors) || !TryInt(named, "maxlength", 0, ref maxLength, Bad, errors))
                    {
                        return Fail(errors, out why);
                    }
                    int length = -1;
                    if (!TryInt(named, "length", 0, ref length, Bad, errors))
                    {
                        return Fail(errors, out why);
                    }
                    if (length >= 0)
                    {
                        minLength = maxLength = length;
                    }
                    if (minLength > maxLength)
                    {
                        errors.Add(Bad("minlength is greater than maxlength"));
                        return Fail(errors, out why);
                    }
                    break;
                case "int":
                {
                    if (!TryInt(named, "fixed_digits", 0, ref fixedDigits, Bad, errors) || !TryBool(named, "signed", ref signed, Bad, errors))
                    {
                        return Fail(errors, out why);
                    }
                    long lo = kind == ValueKind.Int32 ? int.MinValue : long.MinValue;
                    long hi = kind == ValueKind.Int32 ? int.MaxValue : long.MaxValue;
                    if (!signed)
                    {
                        lo = 0;
                    }
                    if (!TryLong(named, "min", ref lo, Bad, errors) || !TryLong(named, "max", ref hi, Bad, errors))
                    {
                        return Fail(errors, out why);
                    }
                    // Clamp to the bound type so that a value that fits the rule always fits the parameter.
                    if (kind == ValueKind.Int32)
                    {
                        lo = Math.Max(lo, int.MinValue);
                        hi = Math.Min(hi, int.MaxValue);
                    }
                    if (lo > hi)
                    {
                        errors.Add(Bad("min is greater than max"));
                        return Fail(errors, out why);
                    }
                    (intMin, intMax) = (lo, hi);
                    min = lo.ToString(CultureInfo.InvariantCulture) + "L";
                    max = hi.ToString(CultureInfo.InvariantCulture) + "L";
                    if (lo == long.MinValue)
                    {
                        min = "long.MinValue";
                    }
                    break;
                }
                case "float":
                {
                    if (!TryBool(named, "signed", ref signed, Bad, errors))
                    {
                        return Fail(errors, out why);
                    }
                    min = "double.NegativeInfinity";
                    max = "double.PositiveInfinity";
                    foreach (var key in new[] { "min", "max" })
                    {
                        if (named.TryGetValue(key, out var text))
                        {
                            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                            {
                                errors.Add(Bad($"'{key}' must be a number, not '{text}'"));
                                return Fail(errors, out why);
                            }
                            var literal = value.ToString("R", CultureInfo.InvariantCulture);
                            literal = literal.Contains('.') || literal.Contains('E') ? literal + "d" : literal + ".0d";
                            if (key == "min")
                            {
                                min = literal;
                            }
                            else
                            {
                                max = literal;
                            }
                        }
                    }
                    break;
                }
                case "any":
                    if (choices.Count == 0)
                    {
                        if (kind != ValueKind.Enum)
                        {
                            errors.Add(Bad("any needs at least one value"));
                            return Fail(errors, out why);
                        }
                        // Inferred from an enum: its members, in lower case (URLs are lower case by habit).
                        foreach (var member in enumMembers)
                        {
                            choices.Add(member.ToLowerInvariant());
                            orderedMembers.Add(member);
                        }
                    }
                    else if (kind == ValueKind.Enum)
                    {
                        foreach (var choice in choices)
                        {
                            var member = enumMembers.FirstOrDefault(m => string.Equals(m, choice, StringComparison.OrdinalIgnoreCase));
                            if (member is null)
                            {
                                errors.Add(Bad($"'{choice}' is not a member of the parameter's enum"));
                                return Fail(errors, out why);
                            }
                            orderedMembers.Add(member);
                        }
                    }
                    if (choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
                    {
                        errors.Add(Bad("a value is listed twice"));
                        return Fail(errors, out why);
                    }
                    if (choices.Any(c => c.Length == 0 || c.Contains('/')))
                    {
                        errors.Add(Bad("values must be non-empty and contain no '/'"));
                        return Fail(errors, out why);
                    }
                    break;
            }

            var kindValue = name switch
            {
                "string" => ConverterKind.String,
                "path" => ConverterKind.Path,
                "int" => ConverterKind.Int,
                "float" => ConverterKind.Float,
                "uuid" => ConverterKind.Uuid,
                _ => ConverterKind.Any,
            };
            return new ConverterSpec(kindValue, arguments.Trim(), minLength, maxLength, fixedDigits, signed, min, max, choices.ToEquatableArray(), intMin, intMax);
        }

        private static bool TryInt(Dictionary<string, string> named, string key, int lowest, ref int value, Func<string, string> bad, List<string> errors)
        {
            if (!named.TryGetValue(key, out var text))
            {
                return true;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < lowest)
            {
                errors.Add(bad($"'{key}' must be a whole number of at least {lowest}, not '{text}'"));
                return false;
            }
            value = parsed;
            return true;
        }

        private static bool TryLong(Dictionary<string, string> named, string key, ref long value, Func<string, string> bad, List<string> errors)
        {
            if (!named.TryGetValue(key, out var text))
            {
                return true;
            }
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                errors.Add(bad($"'{key}' must be a whole number, not '{text}'"));
                return false;
            }
            value = parsed;
            return true;
        }

        private static bool TryBool(Dictionary<string, string> named, string key, ref bool value, Func<string, string> bad, List<string> errors)
        {
            if (!named.TryGetValue(key, out var text))
            {
                return true;
            }
            switch (text)
            {
                case "True": case "true": value = true; return true;
                case "False": case "false": value = false; return true;
                default:
                    errors.Add(bad($"'{key}' must be True or False, not '{text}'"));
                    return false;
            }
        }
    }
}
