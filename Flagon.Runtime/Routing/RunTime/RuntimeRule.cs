using System.Globalization;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;

namespace Flagon.Routing.RunTime;

/// <summary>A rule variable's converter, with its options, for a rule parsed at run time.</summary>
internal sealed record RuntimeVariable(string Name, string Converter, string Arguments, int MinLength, int MaxLength, int FixedDigits, bool Signed,
    long LongMin, long LongMax, double DoubleMin, double DoubleMax, string[] Choices, IRouteConverter? Custom = null)
{
    /// <summary>Whether <paramref name="text"/> is a value of this variable, as the generated matcher decides.</summary>
    public bool Accepts(ReadOnlySpan<char> text) => Instance.Accepts(text);

    private IRouteConverter? instance;

    /// <summary>The converter as a <see cref="RouteConverter{T}"/>: the program's own, or Werkzeug's built with this rule's arguments.</summary>
    public IRouteConverter Instance => instance ??= Custom ?? Converter switch
    {
        "int" => new IntConverter(FixedDigits, LongMin, LongMax, Signed),
        "float" => new FloatConverter(DoubleMin, DoubleMax, Signed),
        "uuid" => new UuidConverter(),
        "path" => new PathConverter(),
        "any" => new AnyConverter(Choices),
        _ => new StringConverter(MinLength, MaxLength),
    };

    /// <summary>The variable as the endpoint's metadata describes it (what the generator emits for compiled rules).</summary>
    public RuleVariable Describe(Type type) => new(Name, Converter, type)
    {
        Arguments = Arguments,
        Minimum = Converter switch
        {
            "int" when LongMin != long.MinValue => LongMin.ToString(CultureInfo.InvariantCulture),
            "float" when !double.IsNegativeInfinity(DoubleMin) => DoubleMin.ToString("R", CultureInfo.InvariantCulture),
            "float" when !Signed => "0",
            _ => null,
        },
        Maximum = Converter switch
        {
            "int" when LongMax != long.MaxValue => LongMax.ToString(CultureInfo.InvariantCulture),
            "float" when !double.IsPositiveInfinity(DoubleMax) => DoubleMax.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        },
        MinLength = Converter == "string" ? MinLength : null,
        MaxLength = Converter == "string" && MaxLength != int.MaxValue ? MaxLength : null,
        FixedDigits = Converter == "int" && FixedDigits > 0 ? FixedDigits : null,
        Choices = Choices,
        Pattern = Custom?.Regex,
    };

    /// <summary>The converter's expression, for a part with several variables.</summary>
    public PatternPiece Piece => Custom is { } custom ? PatternPiece.Custom(custom) : Converter switch
    {
        "int" => PatternPiece.Int(FixedDigits, Signed),
        "float" => PatternPiece.Float(Signed),
        "uuid" => PatternPiece.Uuid(),
        "path" => PatternPiece.Path(),
        "any" => PatternPiece.Any(Choices),
        _ => PatternPiece.String(MinLength, MaxLength),
    };

    /// <summary>
    /// Reads a variable's converter and its arguments for a parameter of <paramref name="type"/>, with the code the
    /// generator uses (<see cref="ConverterBinder"/>): the same inference, clamping and errors, thrown as
    /// <see cref="ArgumentException"/> with their FLG id.
    /// </summary>
    public static RuntimeVariable Bind(RulePart part, string rule, Type type, string view)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (part.Converter.Length > 0 && !CustomConverters.IsBuiltIn(part.Converter))
        {
            return BindCustom(part, rule, type, underlying);
        }
        var kind = KindOf(underlying);
        string converter = part.Converter.Length > 0 ? part.Converter : kind is { } k ? ConverterBinder.Infer(k) : "string";
        if (kind is null || !ConverterBinder.Fits(converter, kind.Value))
        {
            throw new ArgumentException(RuleMessages.Format(RuleMessages.ConverterTypeMismatchId, RuleMessages.ConverterTypeMismatch, part.Text, converter, TypeNames.Of(type)), nameof(rule));
        }
        var members = underlying.IsEnum ? Enum.GetNames(underlying) : [];
        var spec = ConverterBinder.Bind(converter, part.Arguments, kind.Value, members, out var why, out _)
            ?? throw new ArgumentException(RuleMessages.Format(RuleMessages.BadConverterArgumentsId, RuleMessages.BadConverterArguments, rule, converter, why!), nameof(rule));
        return new RuntimeVariable(part.Text, converter, spec.Arguments, spec.MinLength, spec.MaxLength, spec.FixedDigits, spec.Signed,
            spec.Kind == ConverterKind.Int ? spec.IntMin : long.MinValue,
            spec.Kind == ConverterKind.Int ? spec.IntMax : long.MaxValue,
            spec.Kind == ConverterKind.Float ? Number(spec.Min, double.NegativeInfinity) : double.NegativeInfinity,
            spec.Kind == ConverterKind.Float ? Number(spec.Max, double.PositiveInfinity) : double.PositiveInfinity,
            [.. spec.Choices]);
    }

    // A converter of your own, made with the rule's arguments: its value type must be the parameter's.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Run-time rules are bound by reflection; FLG0009 says so.")]
    private static RuntimeVariable BindCustom(RulePart part, string rule, Type type, Type underlying)
    {
        IRouteConverter? converter;
        try
        {
            converter = RouteConverters.Create(part.Converter, part.Arguments);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(RuleMessages.Format(RuleMessages.BadConverterArgumentsId, RuleMessages.BadConverterArguments, rule, part.Converter, ex.Message), nameof(rule));
        }
        if (converter is null || converter.ValueType != underlying)
        {
            throw new ArgumentException(RuleMessages.Format(RuleMessages.ConverterTypeMismatchId, RuleMessages.ConverterTypeMismatch, part.Text, part.Converter, TypeNames.Of(type)), nameof(rule));
        }
        return new RuntimeVariable(part.Text, part.Converter, part.Arguments.Trim(), 1, int.MaxValue, 0, false, long.MinValue, long.MaxValue,
            double.NegativeInfinity, double.PositiveInfinity, [], converter);
    }

    /// <summary>The value kind a rule value binds to for a parameter type (null if none), as the generator classifies it.</summary>
    public static ValueKind? KindOf(Type type) =>
        type == typeof(string) ? ValueKind.String
        : type == typeof(int) ? ValueKind.Int32
        : type == typeof(long) ? ValueKind.Int64
        : type == typeof(double) ? ValueKind.Double
        : type == typeof(float) ? ValueKind.Single
        : type == typeof(Guid) ? ValueKind.Guid
        : type.IsEnum ? ValueKind.Enum
        : null;

    // A float bound as the generator writes it (a C# literal: "1.5d", "double.NegativeInfinity").
    private static double Number(string literal, double none) =>
        double.TryParse(literal.TrimEnd('d'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : none;
}
