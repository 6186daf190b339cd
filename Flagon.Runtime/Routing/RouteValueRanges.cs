using System.Runtime.CompilerServices;

namespace Flagon.Routing;

/// <summary>
/// Where each rule variable's value lies in the matched path, in the rule's variable order: a fixed-size
/// inline array, so a match carries its values without allocating.
/// </summary>
[InlineArray(Capacity)]
public struct RouteValueRanges
{
    /// <summary>The most variables one rule may have.</summary>
    public const int Capacity = 16;

    private Range first;
}
