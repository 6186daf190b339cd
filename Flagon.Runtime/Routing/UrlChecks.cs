using System.ComponentModel;
using System.Globalization;

namespace Flagon.Routing;

/// <summary>
/// The checks generated UrlFor code runs before writing a value: a value the rule would not match is refused
/// with a <see cref="UrlBuildException"/>, so that matching a built URL always gives back the same values.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UrlChecks
{
    /// <summary>An <c>int</c> value within the converter's range and digit count.</summary>
    public static long Int(string endpoint, string name, long value, int fixedDigits, bool signed, long min, long max)
    {
        if (value < min || value > max)
        {
            throw new UrlBuildException(endpoint, $"'{name}' is {value}, outside the rule's range [{min}, {max}].");
        }
        if (value < 0 && !signed)
        {
            throw new UrlBuildException(endpoint, $"'{name}' is {value}, but the rule's int converter is not signed.");
        }
        if (fixedDigits > 0 && value.ToString(CultureInfo.InvariantCulture).TrimStart('-').Length > fixedDigits)
        {
            throw new UrlBuildException(endpoint, $"'{name}' is {value}, longer than the rule's {fixedDigits} fixed digits.");
        }
        return value;
    }

    /// <summary>A <c>float</c> value the rule matches: finite, within its bounds, not negative unless signed.</summary>
    public static double Float(string endpoint, string name, double value, bool signed, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max || (value < 0 && !signed))
        {
            throw new UrlBuildException(endpoint, $"'{name}' is {value.ToString(CultureInfo.InvariantCulture)}, which the rule's float converter does not match.");
        }
        return value;
    }

    /// <summary>A <c>string</c> value: present, within the length limits, and not containing the text <c>%2F</c>.</summary>
    public static string String(string endpoint, string name, string? value, int minLength, int maxLength)
    {
        if (value is null)
        {
            throw new UrlBuildException(endpoint, $"missing value for '{name}'.");
        }
        if (value.Length < minLength || value.Length > maxLength)
        {
            throw new UrlBuildException(endpoint, $"'{name}' has {value.Length} characters; the rule wants {minLength} to {(maxLength == int.MaxValue ? "any number of" : maxLength.ToString(CultureInfo.InvariantCulture))}.");
        }
        if (maxLength != int.MaxValue && value.Contains('/'))
        {
            throw new UrlBuildException(endpoint, $"'{name}' contains '/', which a length-limited string part cannot carry.");
        }
        return NoEncodedSlash(endpoint, name, value);
    }

    /// <summary>A <c>path</c> value: present, not empty, not starting with <c>/</c>.</summary>
    public static string Path(string endpoint, string name, string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] == '/')
        {
            throw new UrlBuildException(endpoint, value is null ? $"missing value for '{name}'." : $"'{name}' must be a non-empty path that does not start with '/'.");
        }
        return NoEncodedSlash(endpoint, name, value);
    }

    /// <summary>
    /// A value of a converter of your own: its text (<see cref="RouteConverter{T}.ToUrl"/>), which the converter must read
    /// back to an equal value, so that the URL matches back to it.
    /// </summary>
    public static string Custom<T>(string endpoint, string name, RouteConverter<T> converter, T value) =>
        converter.WriteChecked(value) ?? throw NotReadBack(endpoint, name, converter.ToUrl(value));

    /// <summary>As <see cref="Custom{T}"/>, for a value whose type is known only at run time (rules added at run time).</summary>
    internal static string Custom(string endpoint, string name, IRouteConverter converter, object value) =>
        converter.WriteChecked(value) ?? throw NotReadBack(endpoint, name, converter.ToUrl(value));

    private static UrlBuildException NotReadBack(string endpoint, string name, string text) =>
        new(endpoint, $"'{name}' is written '{text}', which its converter does not read back as the same value.");

    /// <summary>
    /// <c>path</c> right before a rule's trailing slash (<c>/tree/&lt;path:p&gt;/</c>): as <see cref="Path"/>, and not
    /// ending in <c>/</c>, which the rule's slash would follow (Werkzeug's matcher refuses such a value).
    /// </summary>
    public static string PathBeforeSlash(string endpoint, string name, string? value)
    {
        var path = Path(endpoint, name, value);
        if (path[^1] == '/')
        {
            throw new UrlBuildException(endpoint, $"'{name}' must not end with '/': the rule's trailing slash follows it.");
        }
        return path;
    }

    /// <summary>An <c>any</c> value: one of the rule's choices.</summary>
    public static string Any(string endpoint, string name, string? value, string[] choices)
    {
        if (value is null || Array.IndexOf(choices, value) < 0)
        {
            throw new UrlBuildException(endpoint, $"'{name}' is '{value}', not one of {string.Join(", ", choices)}.");
        }
        return value;
    }

    // The server leaves an encoded slash encoded and Flagon reads "%2F" in a value as "/": the literal text
    // "%2F" would not come back as it was, so it is refused rather than silently changed.
    private static string NoEncodedSlash(string endpoint, string name, string value)
    {
        if (value.Contains("%2F", StringComparison.OrdinalIgnoreCase))
        {
            throw new UrlBuildException(endpoint, $"'{name}' contains the text '%2F', which would come back as '/'.");
        }
        return value;
    }
}
