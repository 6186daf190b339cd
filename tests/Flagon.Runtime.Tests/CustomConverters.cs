using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>An ISO date, <c>2024-05-01</c>: a converter with a value type of its own.</summary>
[RouteConverter("isodate")]
public sealed class IsoDateConverter : RouteConverter<DateOnly>
{
    public override string Regex => @"\d{4}-\d{2}-\d{2}";

    public override bool TryParse(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public override string ToUrl(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A slug, <c>hello-world</c>, at most <paramref name="maxLength"/> characters: a converter with an argument.</summary>
[RouteConverter("slug")]
public sealed class SlugConverter(int maxLength = 40) : RouteConverter<string>
{
    public override string Regex => "[a-z0-9]+(?:-[a-z0-9]+)*";

    public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value)
    {
        value = text.Length <= maxLength && IsMatch(text) ? new string(text) : null;
        return value is not null;
    }
}

/// <summary>Werkzeug's classic example: a converter whose regular expression the rule gives.</summary>
[RouteConverter("regex")]
public sealed class RegexConverter(string pattern) : RouteConverter<string>
{
    public override string Regex => pattern;

    public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value)
    {
        value = IsMatch(text) ? new string(text) : null;
        return value is not null;
    }
}
