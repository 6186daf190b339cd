using System.Buffers;
using System.ComponentModel;

namespace Flagon.Routing;

/// <summary>
/// A path part with several variables (<c>&lt;int:year&gt;-&lt;int:month&gt;</c>, <c>&lt;name&gt;.&lt;any(json,html):fmt&gt;</c>)
/// or a <c>path</c> variable with variables after it, matched as Werkzeug matches it: its converters' regular
/// expressions joined with the static text and anchored at both ends. Each converter takes what its expression
/// would, in the order a backtracking regex tries it (greedy converters the longest first, <c>path</c> the
/// shortest first, <c>any</c> its values in order), so the split of a value between variables is Werkzeug's.
/// Built once per rule by generated code; matching allocates nothing.
/// </summary>
/// <remarks>
/// The pattern only splits the part. Each value is then checked by its converter in full (an <c>int</c>'s
/// bounds, for example); a value that fails makes the part fail, without trying another split, as in Werkzeug
/// where a converter's <c>to_python</c> refusing the value ends the match.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PartPattern
{
    private readonly PatternPiece[] pieces;
    private readonly int variables;
    private readonly bool memoize;

    /// <summary>A pattern of static texts and converters, in rule order.</summary>
    public PartPattern(params PatternPiece[] pieces)
    {
        this.pieces = pieces;
        variables = pieces.Count(p => p.Kind != PatternPieceKind.Literal);
        // With two or more pieces of variable width, failures are remembered per (piece, position), so a hostile
        // part costs at most pieces x length x length steps, not an exponential search.
        memoize = pieces.Count(p => p.Kind is PatternPieceKind.String or PatternPieceKind.Int or PatternPieceKind.Float or PatternPieceKind.Path or PatternPieceKind.Custom) > 1;
    }

    /// <summary>How many variables the pattern captures.</summary>
    public int Variables => variables;

    /// <summary>
    /// Matches all of <paramref name="text"/>; on success the values' ranges, shifted by <paramref name="offset"/>
    /// (where the text starts in the path), are written to <paramref name="values"/> from <paramref name="first"/> on.
    /// </summary>
    public bool Match(ReadOnlySpan<char> text, int offset, ref RouteValueRanges values, int first)
    {
        Span<Range> found = stackalloc Range[RouteValueRanges.Capacity];
        if (!Split(text, found))
        {
            return false;
        }
        for (int i = 0; i < variables; i++)
        {
            values[first + i] = new Range(found[i].Start.Value + offset, found[i].End.Value + offset);
        }
        return true;
    }

    /// <summary>Splits all of <paramref name="text"/> into the variables' ranges (in <paramref name="found"/>); false when the pattern does not match.</summary>
    public bool Split(ReadOnlySpan<char> text, Span<Range> found)
    {
        if (!memoize)
        {
            return Step(text, 0, 0, 0, found, default);
        }
        int bits = pieces.Length * (text.Length + 1);
        int words = (bits + 63) / 64;
        ulong[]? rented = null;
        Span<ulong> failed = words <= 64 ? stackalloc ulong[64] : (rented = ArrayPool<ulong>.Shared.Rent(words));
        failed[..words].Clear();
        try
        {
            return Step(text, 0, 0, 0, found, failed);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    // Matches pieces[k..] against text[position..]; variable is the index of the next value to capture.
    private bool Step(ReadOnlySpan<char> text, int k, int position, int variable, Span<Range> found, Span<ulong> failed)
    {
        if (k == pieces.Length)
        {
            return position == text.Length;
        }
        int bit = (k * (text.Length + 1)) + position;
        if (!failed.IsEmpty && (failed[bit >> 6] & (1UL << (bit & 63))) != 0)
        {
            return false;
        }
        bool matched = Try(text, k, position, variable, found, failed);
        if (!matched && !failed.IsEmpty)
        {
            failed[bit >> 6] |= 1UL << (bit & 63);
        }
        return matched;
    }

    private bool Try(ReadOnlySpan<char> text, int k, int position, int variable, Span<Range> found, Span<ulong> failed)
    {
        var piece = pieces[k];
        var rest = text[position..];
        switch (piece.Kind)
        {
            case PatternPieceKind.Literal:
                return rest.StartsWith(piece.Text, StringComparison.Ordinal) && Step(text, k + 1, position + piece.Text!.Length, variable, found, failed);

            case PatternPieceKind.String:
            {
                // [^/]{min,max}, greedy: the longest first.
                int run = rest.IndexOf('/');
                run = run < 0 ? rest.Length : run;
                for (int length = Math.Min(run, piece.Max); length >= piece.Min; length--)
                {
                    if (Capture(text, k, position, length, variable, found, failed))
                    {
                        return true;
                    }
                }
                return false;
            }

            case PatternPieceKind.Custom:
            {
                // A converter's own expression, tried on the longest text first (as a greedy expression would).
                int run = rest.IndexOf('/');
                run = run < 0 ? rest.Length : run;
                for (int length = run; length >= 1; length--)
                {
                    if (piece.Converter!.IsMatch(rest[..length]) && Capture(text, k, position, length, variable, found, failed))
                    {
                        return true;
                    }
                }
                return false;
            }

            case PatternPieceKind.Path:
            {
                // [^/].*?, lazy: the shortest first.
                if (rest.IsEmpty || rest[0] == '/')
                {
                    return false;
                }
                for (int length = 1; length <= rest.Length; length++)
                {
                    if (Capture(text, k, position, length, variable, found, failed))
                    {
                        return true;
                    }
                }
                return false;
            }

            case PatternPieceKind.Int:
            {
                // -?\d+ or -?\d{n}, greedy.
                int sign = piece.Signed && rest.Length > 0 && rest[0] == '-' ? 1 : 0;
                int digits = Digits(rest[sign..]);
                if (piece.Min > 0)
                {
                    return digits >= piece.Min && Capture(text, k, position, sign + piece.Min, variable, found, failed);
                }
                for (int length = digits; length >= 1; length--)
                {
                    if (Capture(text, k, position, sign + length, variable, found, failed))
                    {
                        return true;
                    }
                }
                return false;
            }

            case PatternPieceKind.Float:
            {
                // -?\d+\.\d+, greedy.
                int sign = piece.Signed && rest.Length > 0 && rest[0] == '-' ? 1 : 0;
                int whole = Digits(rest[sign..]);
                int dot = sign + whole;
                if (whole == 0 || dot >= rest.Length || rest[dot] != '.')
                {
                    return false;
                }
                for (int fraction = Digits(rest[(dot + 1)..]); fraction >= 1; fraction--)
                {
                    if (Capture(text, k, position, dot + 1 + fraction, variable, found, failed))
                    {
                        return true;
                    }
                }
                return false;
            }

            case PatternPieceKind.Uuid:
                return rest.Length >= 36 && IsUuid(rest[..36]) && Capture(text, k, position, 36, variable, found, failed);

            default:
                // (?:a|b|c): the values in the order written.
                foreach (var choice in piece.Choices!)
                {
                    if (rest.StartsWith(choice, StringComparison.Ordinal) && Capture(text, k, position, choice.Length, variable, found, failed))
                    {
                        return true;
                    }
                }
                return false;
        }
    }

    private bool Capture(ReadOnlySpan<char> text, int k, int position, int length, int variable, Span<Range> found, Span<ulong> failed)
    {
        found[variable] = new Range(position, position + length);
        return Step(text, k + 1, position + length, variable + 1, found, failed);
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }
        return i;
    }

    private static bool IsUuid(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < 36; i++)
        {
            bool ok = i is 8 or 13 or 18 or 23 ? text[i] == '-' : char.IsAsciiHexDigit(text[i]);
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }
}
