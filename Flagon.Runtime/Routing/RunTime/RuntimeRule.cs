using System.Globalization;
using Flagon.Generators.Shared;

namespace Flagon.Routing.RunTime;

/// <summary>A rule variable's converter, with its options, for a rule parsed at run time.</summary>
internal sealed record RuntimeVariable(string Name, string Converter, int MinLength, int MaxLength, int FixedDigits, bool Signed,
    long LongMin, long LongMax, double DoubleMin, double DoubleMax, string[] Choices)
{
    /// <summary>Whether <paramref name="text"/> is a value of this variable, as the generated matcher decides.</summary>
    public bool Accepts(ReadOnlySpan<char> text) => Converter switch
    {
        "int" => Converters.TryInt(text, FixedDigits, Signed, LongMin, LongMax, out _),
        "float" => Converters.TryFloat(text, Signed, DoubleMin, DoubleMax, out _),
        "uuid" => Converters.TryUuid(text, out _),
        "path" => Converters.IsPath(text),
        "any" => Array.IndexOf(Choices, text.ToString()) >= 0,
        _ => Converters.IsString(text, MinLength, MaxLength),
    };

    /// <summary>The converter's expression, for a part with several variables.</summary>
    public PatternPiece Piece => Converter switch
    {
        "int" => PatternPiece.Int(FixedDigits, Signed),
        "float" => PatternPiece.Float(Signed),
        "uuid" => PatternPiece.Uuid(),
        "path" => PatternPiece.Path(),
        "any" => PatternPiece.Any(Choices),
        _ => PatternPiece.String(MinLength, MaxLength),
    };

    /// <summary>Reads a converter and its arguments, the way the generator does; throws on an invalid one.</summary>
    public static RuntimeVariable Parse(RulePart part, string rule)
    {
        var converter = part.Converter.Length == 0 ? "string" : part.Converter;
        var args = ConverterArguments.Parse(part.Arguments, out var error)
            ?? throw new ArgumentException($"The rule '{rule}' gives '{converter}' invalid arguments: {error}", nameof(rule));
        string[] positions = converter switch
        {
            "string" => ["minlength", "maxlength", "length"],
            "int" => ["fixed_digits", "min", "max", "signed"],
            "float" => ["min", "max", "signed"],
            _ => [],
        };
        var named = new Dictionary<string, string>();
        var choices = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (converter == "any")
            {
                choices.Add(args[i].Value);
                continue;
            }
            var key = args[i].Name ?? (i < positions.Length ? positions[i] : null);
            if (key is null || Array.IndexOf(positions, key) < 0)
            {
                throw new ArgumentException($"The rule '{rule}' gives '{converter}' an argument it does not take: '{key ?? args[i].Value}'.", nameof(rule));
            }
            named[key] = args[i].Value;
        }
        int Int(string key, int fallback) => named.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        bool signed = named.TryGetValue("signed", out var s) && s is "True" or "true";
        int length = Int("length", -1);
        return new RuntimeVariable(
            part.Text,
            converter,
            length >= 0 ? length : Int("minlength", 1),
            length >= 0 ? length : Int("maxlength", int.MaxValue),
            Int("fixed_digits", 0),
            signed,
            named.TryGetValue("min", out var min) && converter == "int" ? long.Parse(min, CultureInfo.InvariantCulture) : signed ? long.MinValue : 0,
            named.TryGetValue("max", out var max) && converter == "int" ? long.Parse(max, CultureInfo.InvariantCulture) : long.MaxValue,
            converter == "float" && named.TryGetValue("min", out var fmin) ? double.Parse(fmin, CultureInfo.InvariantCulture) : double.NegativeInfinity,
            converter == "float" && named.TryGetValue("max", out var fmax) ? double.Parse(fmax, CultureInfo.InvariantCulture) : double.PositiveInfinity,
            [.. choices]);
    }
}
