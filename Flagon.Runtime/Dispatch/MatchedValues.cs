using System.Runtime.CompilerServices;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// Where a matched rule's values lie in the path, kept in the request's context: the first <see cref="Inline"/> in
/// the value itself (most rules have fewer), the rest in an array made only for rules with more.
/// </summary>
internal struct MatchedValues
{
    /// <summary>How many ranges are kept without an array.</summary>
    public const int Inline = 4;

    private InlineRanges first;
    private Range[]? more;

    /// <summary>How many values the matched rule has.</summary>
    public int Count { readonly get; private set; }

    /// <summary>The range of value <paramref name="index"/>.</summary>
    public readonly Range this[int index] => index < Inline ? first[index] : more![index - Inline];

    /// <summary>Keeps the first <paramref name="count"/> ranges of <paramref name="ranges"/>.</summary>
    public void Keep(in RouteValueRanges ranges, int count)
    {
        Count = count;
        for (int i = 0; i < count && i < Inline; i++)
        {
            first[i] = ranges[i];
        }
        if (count > Inline)
        {
            more = new Range[count - Inline];
            for (int i = Inline; i < count; i++)
            {
                more[i - Inline] = ranges[i];
            }
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
        private Range element;
    }
}
