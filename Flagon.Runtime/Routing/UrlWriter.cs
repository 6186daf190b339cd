using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using Flagon.Generators.Shared;

namespace Flagon.Routing;

/// <summary>
/// Writes a URL into a caller-provided buffer (usually stack memory), percent-encoding each value the way the
/// matcher decodes it, so building allocates only the resulting string. Used by generated UrlFor code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct UrlWriter
{
    private char[]? rented;
    private Span<char> buffer;
    private int length;

    /// <summary>Starts writing into <paramref name="initial"/>; a longer URL moves to a pooled array.</summary>
    public UrlWriter(Span<char> initial)
    {
        buffer = initial;
        length = 0;
        rented = null;
    }

    /// <summary>What has been written so far.</summary>
    public readonly ReadOnlySpan<char> Written => buffer[..length];

    /// <summary>How many characters have been written: a mark before and after a value, for <see cref="CheckSplit"/>.</summary>
    public readonly int Length => length;

    /// <summary>
    /// Checks that the path part written since <paramref name="start"/>, a part with several variables, matches
    /// back to the same values: decoded as the server decodes a path, it must split at the same places (the
    /// values' <paramref name="bounds"/>, a start and an end per value, as marked with <see cref="Length"/>).
    /// Otherwise the values are ambiguous in this rule (<c>&lt;a&gt;-&lt;b&gt;</c> with <c>a = "x"</c>,
    /// <c>b = "y-z"</c> would come back as <c>a = "x-y"</c>, <c>b = "z"</c>), and building refuses them.
    /// </summary>
    /// <exception cref="UrlBuildException">The values would not come back as given.</exception>
    public readonly void CheckSplit(PartPattern pattern, int start, scoped ReadOnlySpan<int> bounds, string endpoint)
    {
        var written = buffer[start..length];
        char[]? pooled = null;
        Span<char> decoded = written.Length <= 512 ? stackalloc char[512] : (pooled = ArrayPool<char>.Shared.Rent(written.Length));
        Span<int> expected = stackalloc int[bounds.Length];
        int at = 0;
        int from = start;
        for (int i = 0; i < bounds.Length; i++)
        {
            at += PathDecoding.Decode(buffer[from..bounds[i]], decoded[at..]);
            expected[i] = at;
            from = bounds[i];
        }
        at += PathDecoding.Decode(buffer[from..length], decoded[at..]);
        Span<Range> found = stackalloc Range[RouteValueRanges.Capacity];
        bool same = pattern.Split(decoded[..at], found);
        for (int i = 0; same && i < bounds.Length / 2; i++)
        {
            same = found[i].Start.Value == expected[2 * i] && found[i].End.Value == expected[(2 * i) + 1];
        }
        if (pooled is not null)
        {
            ArrayPool<char>.Shared.Return(pooled);
        }
        if (!same)
        {
            throw new UrlBuildException(endpoint,
                $"the values written as '{written.ToString()}' would not match back to the same values (the rule's variables would split that text differently).");
        }
    }

    /// <summary>Appends text as it is (the rule's static parts, already valid in a URL).</summary>
    public void AppendLiteral(string text) => Append(text);

    /// <summary>
    /// Appends a <c>string</c>/<c>any</c> value as one path part: everything but unreserved characters and
    /// <c>!$&amp;'()*+,;=:@</c> is percent-encoded as UTF-8, <c>/</c> included (it comes back as <c>/</c>).
    /// </summary>
    public void AppendSegment(scoped ReadOnlySpan<char> value) => AppendEncoded(value, keepSlash: false);

    /// <summary>Appends a <c>path</c> value: like <see cref="AppendSegment"/> but slashes stay slashes.</summary>
    public void AppendPath(scoped ReadOnlySpan<char> value) => AppendEncoded(value, keepSlash: true);

    /// <summary>Appends an integer, zero-padded to <paramref name="fixedDigits"/> digits when that is not 0.</summary>
    public void AppendInt(long value, int fixedDigits)
    {
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out int written, fixedDigits > 0 ? "D" + fixedDigits.ToString(CultureInfo.InvariantCulture) : default, CultureInfo.InvariantCulture);
        Append(digits[..written]);
    }

    /// <summary>
    /// Appends a float in the form the <c>float</c> converter matches: its shortest round-trip digits written as a
    /// plain decimal (<c>1.5</c>, <c>2.0</c>, <c>0.00001</c>, <c>1000000000000000000000.0</c>), never with an exponent,
    /// so that every finite value builds a URL its rule matches back to the same value.
    /// </summary>
    public void AppendFloat(double value)
    {
        if (value == 0)
        {
            value = 0; // -0.0 is 0.0: an unsigned rule matches it
        }
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out int written, "R", CultureInfo.InvariantCulture);
        var shortest = text[..written];
        int e = shortest.IndexOfAny('E', 'e');
        if (e < 0)
        {
            Append(shortest);
            if (shortest.IndexOf('.') < 0)
            {
                Append(".0");
            }
            return;
        }
        int exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = shortest[..e];
        if (mantissa[0] == '-')
        {
            Append('-');
            mantissa = mantissa[1..];
        }
        int dot = mantissa.IndexOf('.');
        Span<char> digits = stackalloc char[mantissa.Length];
        int count = 0;
        foreach (char c in mantissa)
        {
            if (c != '.')
            {
                digits[count++] = c;
            }
        }
        digits = digits[..count];
        int point = (dot < 0 ? mantissa.Length : dot) + exponent; // where the decimal point goes among the digits
        if (point <= 0)
        {
            Append("0.");
            for (int i = 0; i < -point; i++)
            {
                Append('0');
            }
            Append(digits);
        }
        else if (point >= digits.Length)
        {
            Append(digits);
            for (int i = digits.Length; i < point; i++)
            {
                Append('0');
            }
            Append(".0");
        }
        else
        {
            Append(digits[..point]);
            Append('.');
            Append(digits[point..]);
        }
    }

    /// <summary>Appends a UUID in Werkzeug's form: lower case, 8-4-4-4-12.</summary>
    public void AppendUuid(Guid value)
    {
        Span<char> text = stackalloc char[36];
        value.TryFormat(text, out int written, "D");
        Append(text[..written]);
    }

    /// <summary>Appends <c>?key=value</c> or <c>&amp;key=value</c>, both encoded as a form query does.</summary>
    public void AppendQuery(string key, string? value, bool first)
    {
        Append(first ? "?" : "&");
        AppendQueryText(key);
        Append("=");
        AppendQueryText(value ?? string.Empty);
    }

    /// <summary>Appends <c>#anchor</c>, percent-encoded.</summary>
    public void AppendAnchor(string anchor)
    {
        Append("#");
        AppendEncoded(anchor, keepSlash: true);
    }

    /// <summary>The URL written, as a new string; returns a pooled buffer if one was used.</summary>
    public string ToStringAndClear()
    {
        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
            rented = null;
        }
        buffer = default;
        length = 0;
        return result;
    }

    private void AppendQueryText(scoped ReadOnlySpan<char> text) => AppendEncoded(text, keepSlash: true, query: true);

    private void AppendEncoded(scoped ReadOnlySpan<char> value, bool keepSlash, bool query = false)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (UrlQuoting.IsUnreserved(c) || (c == '/' && keepSlash) || (!query && UrlQuoting.IsSubDelimiterKept(c)))
            {
                Append(c);
                continue;
            }
            int count;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                count = new System.Text.Rune(c, value[i + 1]).EncodeToUtf8(utf8);
                i++;
            }
            else
            {
                count = (System.Text.Rune.IsValid(c) ? new System.Text.Rune(c) : System.Text.Rune.ReplacementChar).EncodeToUtf8(utf8);
            }
            for (int b = 0; b < count; b++)
            {
                Append('%');
                Append("0123456789ABCDEF"[utf8[b] >> 4]);
                Append("0123456789ABCDEF"[utf8[b] & 0xF]);
            }
        }
    }

    private void Append(char c)
    {
        if (length == buffer.Length)
        {
            Grow(1);
        }
        buffer[length++] = c;
    }

    private void Append(scoped ReadOnlySpan<char> text)
    {
        if (length + text.Length > buffer.Length)
        {
            Grow(text.Length);
        }
        text.CopyTo(buffer[length..]);
        length += text.Length;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + needed + 16));
        buffer[..length].CopyTo(larger);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        rented = larger;
        buffer = larger;
    }
}
