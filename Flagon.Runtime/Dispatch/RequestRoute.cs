using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// What matching a request found: the rule's table (and blueprint), the rule and where its values lie in the path, or
/// why no rule took it. A value kept in the request's context and kept small (it is part of every request's context):
/// a match allocates nothing, the rare details of a miss live in a <see cref="RouteMiss"/> made only for a miss that
/// has some.
/// </summary>
internal struct RequestRoute
{
    /// <summary>The table whose rule matched; null when none did.</summary>
    public RouteTable? Table;

    /// <summary>The blueprint of that table (Flask's <c>request.blueprint</c>); null for an app view or no match.</summary>
    public BlueprintMount? Blueprint;

    /// <summary>The index of the matched rule in <see cref="RouteTable.Rules"/>.</summary>
    public int RuleIndex;

    /// <summary>Where the matched rule's values lie in the path (under the blueprint's prefix).</summary>
    public MatchedValues Values;

    /// <summary>What the tables said when none matched; null when a rule matched or nothing is known beyond a 404.</summary>
    public RouteMiss? Miss;

    /// <summary>For a URL no rule took: the blueprint with the longest prefix it lies under, or null.</summary>
    public readonly BlueprintMount? Owner => Miss?.Owner;

    /// <summary>The matched rule, or null.</summary>
    public readonly Rule? Rule => Table?.Rules[RuleIndex];

    /// <summary>The matched endpoint as the app names it (<c>admin.user</c>), or null.</summary>
    public readonly string? Endpoint => Rule is { } rule ? Blueprint is { } mount ? $"{mount.Name}.{rule.Endpoint}" : rule.Endpoint : null;

    /// <summary>Keeps a generated matcher's result for <paramref name="table"/>'s matched rule.</summary>
    public void Matched(RouteTable table, BlueprintMount? blueprint, in RouteMatch match)
    {
        Table = table;
        Blueprint = blueprint;
        RuleIndex = match.RuleIndex;
        Values.Keep(match.Values, table.Rules[match.RuleIndex].Variables.Count);
    }

    /// <summary>The match again as the generated code takes it (a value on the stack).</summary>
    /// <remarks>Not zeroed first: every field the generated code reads is set (the values up to the rule's count).</remarks>
    public readonly void ToMatch(out RouteMatch match)
    {
        System.Runtime.CompilerServices.Unsafe.SkipInit(out match);
        match.Status = MatchStatus.Matched;
        match.RuleIndex = RuleIndex;
        match.AllowedMethods = 0;
        match.Excluded = null;
        Values.CopyTo(ref match.Values, Values.Count);
    }

    /// <summary>The value of the matched rule's variable <paramref name="index"/>, as its range in the path.</summary>
    public readonly Range ValueRange(int index) => Values[index];

    /// <summary>Notes that <paramref name="table"/> (of <paramref name="owner"/>, a prefixed blueprint, or null) did not match.</summary>
    public void Missed(RouteTable table, BlueprintMount? owner, in RouteMatch match)
    {
        if (owner is not null && Miss?.Owner is null)
        {
            (Miss ??= new RouteMiss()).Owner = owner;
        }
        if (match.Status is MatchStatus.RedirectWithSlash or MatchStatus.MethodNotAllowed)
        {
            (Miss ??= new RouteMiss()).Add(table, match);
        }
    }
}
