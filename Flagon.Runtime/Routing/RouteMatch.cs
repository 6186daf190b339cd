namespace Flagon.Routing;

/// <summary>
/// The result of <see cref="RouteTable.Match"/>: a value type, so matching allocates nothing.
/// </summary>
public struct RouteMatch
{
    /// <summary>Whether and how the path matched.</summary>
    public MatchStatus Status;

    /// <summary>The index in <see cref="RouteTable.Rules"/> of the rule that matched the path.</summary>
    public int RuleIndex;
}
