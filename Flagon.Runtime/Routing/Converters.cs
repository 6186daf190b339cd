using System.ComponentModel;
using System.Globalization;

namespace Flagon.Routing;

/// <summary>
/// Werkzeug's converters, checking and parsing one path part from a span. Generated matchers call them;
/// they reject a value by returning false, never by throwing, and allocate nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Converters
{
    /// <summary><c>string</c>: any text without <c>/</c>, of <paramref name="minLength"/> to <paramref name="maxLength"/> characters.</summary>
    public static bool IsString(ReadOnlySpan<char> part, int minLength, int maxLength) =>
        part.Length >= minLength && part.Length <= maxLength && !part.Contains('/');

    /// <summary><c>path</c>: like <c>string</c> but also slashes; never empty, never starting with <c>/</c>.</summary>
    public static bool IsPath(ReadOnlySpan<char> part) => part.Length > 0 && part[0] != '/';

    /// <summary>
    /// <c>int</c>: ASCII digits (a leading <c>-</c> only when <paramref name="signed"/>), exactly
    /// <paramref name="fixedDigits"/> of them when it is not 0, within [<paramref name="min"/>, <paramref name="max"/>];
    /// a value that overflows does not match.
    /// </summary>
    public static bool TryInt(ReadOnlySpan<char> part, int fixedDigits, bool signed, long min, long max, out long value)
    {
        value = 0;
        bool negative = signed && part.Length > 0 && part[0] == '-';
        var digits = negative ? part[1..] : part;
        if (digits.Length == 0 || (fixedDigits > 0 && digits.Length != fixedDigits))
        {
            return false;
        }
        ulong magnitude = 0;
        foreach (char c in digits)
        {
            uint d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }
            if (magnitude > (ulong.MaxValue - d) / 10)
            {
                return false;
            }
            magnitude = (magnitude * 10) + d;
        }
        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }
            value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
        }
        else
        {
            if (magnitude > long.MaxValue)
            {
                return false;
            }
            value = (long)magnitude;
        }
        return value >= min && value <= max;
    }

    /// <summary>
    /// <c>float</c>: Werkzeug's <c>\d+\.\d+</c> (a leading <c>-</c> only when <paramref name="signed"/>), within
    /// [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    public static bool TryFloat(ReadOnlySpan<char> part, bool signed, double min, double max, out double value)
    {
        value = 0;
        int i = signed && part.Length > 0 && part[0] == '-' ? 1 : 0;
        int dot = part.IndexOf('.');
        if (dot <= i || dot == part.Length - 1)
        {
            return false;
        }
        for (int j = i; j < part.Length; j++)
        {
            if (j != dot && (uint)(part[j] - '0') > 9)
            {
                return false;
            }
        }
        if (!double.TryParse(part, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || double.IsInfinity(value))
        {
            return false;
        }
        return value >= min && value <= max;
    }

    /// <summary><c>uuid</c>: 8-4-4-4-12 hex digits, either case.</summary>
    public static bool TryUuid(ReadOnlySpan<char> part, out Guid value) => Guid.TryParseExact(part, "D", out value);

    /// <summary>
    /// A string value as the view receives it: the part with <c>%2F</c> (which the server leaves encoded)
    /// decoded to <c>/</c>, so that a value with a slash built by url_for comes back as it was.
    /// </summary>
    public static string ToValue(ReadOnlySpan<char> part)
    {
        int escape = part.IndexOf('%');
        if (escape < 0)
        {
            return new string(part);
        }
        var builder = new System.Text.StringBuilder(part.Length);
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length && part[i + 1] == '2' && (part[i + 2] == 'F' || part[i + 2] == 'f'))
            {
                builder.Append('/');
                i += 2;
            }
            else
            {
                builder.Append(part[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>Where the path part that starts at <paramref name="start"/> ends: the next <c>/</c>, or the end of the path.</summary>
    public static int PartEnd(ReadOnlySpan<char> path, int start)
    {
        int slash = path[start..].IndexOf('/');
        return slash < 0 ? path.Length : start + slash;
    }
}
