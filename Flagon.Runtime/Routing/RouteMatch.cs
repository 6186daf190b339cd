namespace Flagon.Routing;

/// <summary>
/// The result of <see cref="RouteTable.Match"/>: a value type, so matching allocates nothing.
/// </summary>
public struct RouteMatch
{
    /// <summary>Whether and how the path matched.</summary>
    public MatchStatus Status;

    /// <summary>The index in <see cref="RouteTable.Rules"/> of the rule that matched (or asked for the slash redirect).</summary>
    public int RuleIndex;

    /// <summary>With <see cref="MatchStatus.MethodNotAllowed"/>: the methods some rule for this path accepts, as bits of <see cref="RouteTable.MethodNames"/>.</summary>
    public ulong AllowedMethods;

    /// <summary>The ranges of the matched rule's variable values in the path.</summary>
    public RouteValueRanges Values;
}
