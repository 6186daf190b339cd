using System.Runtime.CompilerServices;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// Where a matched rule's values lie in the path, kept in the request's context and kept small: up to
/// <see cref="Inline"/> values as 16-bit offsets in the value itself (most rules, on paths under 64 KB); otherwise all of
/// them in an array made for that request.
/// </summary>
internal struct MatchedValues
{
    /// <summary>How many values are kept without an array.</summary>
    public const int Inline = 4;

    private InlineRanges packed;
    private Range[]? all;

    /// <summary>How many values the matched rule has.</summary>
    public int Count { readonly get; private set; }

    /// <summary>The range of value <paramref name="index"/>.</summary>
    public readonly Range this[int index] =>
        all is not null ? all[index] : new Range((int)(packed[index] >> 16), (int)(packed[index] & 0xFFFF));

    /// <summary>Keeps the first <paramref name="count"/> ranges of <paramref name="ranges"/>.</summary>
    public void Keep(in RouteValueRanges ranges, int count)
    {
        Count = count;
        if (count <= Inline)
        {
            bool fits = true;
            for (int i = 0; i < count; i++)
            {
                int start = ranges[i].Start.Value, end = ranges[i].End.Value;
                if (end > ushort.MaxValue)
                {
                    fits = false;
                    break;
                }
                packed[i] = (uint)start << 16 | (uint)end;
            }
            if (fits)
            {
                return;
            }
        }
        all = new Range[count];
        for (int i = 0; i < count; i++)
        {
            all[i] = ranges[i];
        }
    }

    /// <summary>Copies the first <paramref name="count"/> ranges into <paramref name="ranges"/>.</summary>
    public readonly void CopyTo(ref RouteValueRanges ranges, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ranges[i] = this[i];
        }
    }

    [InlineArray(Inline)]
    private struct InlineRanges
    {
        private uint element;
    }
}
