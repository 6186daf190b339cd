using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flagon.Routing;

/// <summary>
/// Werkzeug's <c>string</c> (<c>UnicodeConverter</c>): text without <c>/</c>, of <paramref name="minLength"/> to
/// <paramref name="maxLength"/> characters. Written as a <see cref="RouteConverter{T}"/> like a converter of your own;
/// the generated matcher calls the same checks (<see cref="Converters"/>) inline.
/// </summary>
public sealed class StringConverter(int minLength = 1, int maxLength = int.MaxValue) : RouteConverter<string>
{
    /// <inheritdoc/>
    public override string Regex => maxLength == int.MaxValue ? $"[^/]{{{minLength},}}" : $"[^/]{{{minLength},{maxLength}}}";

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value)
    {
        value = Converters.IsString(text, minLength, maxLength) ? Converters.ToValue(text) : null;
        return value is not null;
    }

    /// <inheritdoc/>
    public override string ToUrl(string value) => value;
}

/// <summary>Werkzeug's <c>path</c>: like <c>string</c>, slashes included; never empty, never starting with <c>/</c>.</summary>
public sealed class PathConverter : RouteConverter<string>
{
    /// <inheritdoc/>
    public override string Regex => "[^/].*?";

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value)
    {
        value = Converters.IsPath(text) ? Converters.ToValue(text) : null;
        return value is not null;
    }

    /// <inheritdoc/>
    public override string ToUrl(string value) => value;
}

/// <summary>
/// Werkzeug's <c>int</c>: ASCII digits (a leading <c>-</c> when <paramref name="signed"/>), exactly
/// <paramref name="fixedDigits"/> of them unless 0, within [<paramref name="min"/> (0, or any when signed, unless
/// given), <paramref name="max"/>].
/// </summary>
public sealed class IntConverter(int fixedDigits = 0, long? min = null, long max = long.MaxValue, bool signed = false) : RouteConverter<long>
{
    private readonly long lowest = min ?? (signed ? long.MinValue : 0);

    /// <inheritdoc/>
    public override string Regex => (signed ? "-?" : string.Empty) + (fixedDigits > 0 ? $@"\d{{{fixedDigits}}}" : @"\d+");

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, out long value) =>
        Converters.TryInt(text, fixedDigits, signed, lowest, max, out value);

    /// <inheritdoc/>
    public override string ToUrl(long value) =>
        value.ToString(fixedDigits > 0 ? "D" + fixedDigits.ToString(CultureInfo.InvariantCulture) : null, CultureInfo.InvariantCulture);
}

/// <summary>Werkzeug's <c>float</c>: <c>\d+\.\d+</c> (a leading <c>-</c> when <paramref name="signed"/>), within [<paramref name="min"/>, <paramref name="max"/>].</summary>
public sealed class FloatConverter(double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool signed = false) : RouteConverter<double>
{
    /// <inheritdoc/>
    public override string Regex => (signed ? "-?" : string.Empty) + @"\d+\.\d+";

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, out double value) => Converters.TryFloat(text, signed, min, max, out value);

    /// <inheritdoc/>
    public override string ToUrl(double value)
    {
        var url = new UrlWriter(stackalloc char[64]);
        url.AppendFloat(value);
        return url.ToStringAndClear();
    }
}

/// <summary>Werkzeug's <c>uuid</c>: 8-4-4-4-12 hex digits, either case.</summary>
public sealed class UuidConverter : RouteConverter<Guid>
{
    /// <inheritdoc/>
    public override string Regex => "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, out Guid value) => Converters.TryUuid(text, out value);

    /// <inheritdoc/>
    public override string ToUrl(Guid value) => value.ToString("D");
}

/// <summary>Werkzeug's <c>any</c>: one of <paramref name="choices"/>, as written (case-sensitive).</summary>
public sealed class AnyConverter(params string[] choices) : RouteConverter<string>
{
    /// <inheritdoc/>
    public override string Regex => "(?:" + string.Join("|", choices.Select(System.Text.RegularExpressions.Regex.Escape)) + ")";

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value)
    {
        foreach (var choice in choices)
        {
            if (text.SequenceEqual(choice))
            {
                value = choice;
                return true;
            }
        }
        value = null;
        return false;
    }
}
