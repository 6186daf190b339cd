namespace Flagon.Routing;

/// <summary>
/// The result of <see cref="RouteTable.Match(ReadOnlySpan{char}, string)"/>: a value type, so matching allocates nothing.
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

    /// <summary>Rules the matcher passes over as if absent (an app that serves some view classes only); null for none.</summary>
    public RuleSet? Excluded;

    /// <summary>
    /// For generated matchers, where a rule's path matched: true (and the rule is the match) when the request's
    /// method, <paramref name="methodBit"/>, is one of the rule's <paramref name="methods"/>; otherwise the methods
    /// the rule would take, <paramref name="allowed"/>, are kept for a 405 and false tells the matcher to go on.
    /// </summary>
    /// <param name="methodBit">The request's method as a bit of <see cref="RouteTable.MethodNames"/>.</param>
    /// <param name="methods">The methods the rule matches (an automatic OPTIONS is answered by the app, not matched).</param>
    /// <param name="allowed">The methods a 405 for this path lists for the rule.</param>
    /// <param name="rule">The index of the rule in <see cref="RouteTable.Rules"/>.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Found(ulong methodBit, ulong methods, ulong allowed, int rule)
    {
        if (Excluded is not null && Excluded.Contains(rule))
        {
            return false;
        }
        if ((methodBit & methods) != 0)
        {
            Status = MatchStatus.Matched;
            RuleIndex = rule;
            return true;
        }
        AllowedMethods |= allowed;
        return false;
    }

    /// <summary>
    /// For generated matchers, where the path lacks the trailing slash of a rule: true when the method fits, with
    /// a redirect to the slash URL (<paramref name="redirect"/>, Werkzeug's strict slashes) or the rule matched.
    /// </summary>
    /// <param name="methodBit">The request's method as a bit of <see cref="RouteTable.MethodNames"/>.</param>
    /// <param name="methods">The methods the rule matches.</param>
    /// <param name="rule">The index of the rule in <see cref="RouteTable.Rules"/>.</param>
    /// <param name="redirect">Redirect to the URL with the slash rather than match without it.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool FoundWithoutSlash(ulong methodBit, ulong methods, int rule, bool redirect)
    {
        if ((methodBit & methods) == 0 || (Excluded is not null && Excluded.Contains(rule)))
        {
            return false;
        }
        Status = redirect ? MatchStatus.RedirectWithSlash : MatchStatus.Matched;
        RuleIndex = rule;
        return true;
    }

    /// <summary>For generated matchers, when no rule matched: a 405 if some rule took the path with another method, else a 404.</summary>
    public RouteMatch NotFound()
    {
        Status = AllowedMethods != 0 ? MatchStatus.MethodNotAllowed : MatchStatus.NotFound;
        return this;
    }
}
