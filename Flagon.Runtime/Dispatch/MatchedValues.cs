using System.Runtime.CompilerServices;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// Where a matched rule's values lie in the path, packed small for the request's context: up to
/// <see cref="Inline"/> values as 16-bit start and end offsets (most rules, on paths under 64 KB). Values that do not
/// fit are kept by <see cref="RequestRoute"/> in its <see cref="RouteDetails"/>.
/// </summary>
internal struct MatchedValues
{
    /// <summary>How many values are kept inline.</summary>
    public const int Inline = 3;

    private InlineRanges packed;

    /// <summary>The range of value <paramref name="index"/> (below <see cref="Inline"/>).</summary>
    public readonly Range this[int index] => new((int)(packed[index] >> 16), (int)(packed[index] & 0xFFFF));

    /// <summary>Keeps the first <paramref name="count"/> ranges of <paramref name="ranges"/> if they fit; false if they do not.</summary>
    public bool TryKeep(in RouteValueRanges ranges, int count)
    {
        if (count > Inline)
        {
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            int start = ranges[i].Start.Value, end = ranges[i].End.Value;
            if (end > ushort.MaxValue)
            {
                return false;
            }
            packed[i] = (uint)start << 16 | (uint)end;
        }
        return true;
    }

    [InlineArray(Inline)]
    private struct InlineRanges
    {
        private uint element;
    }
}
