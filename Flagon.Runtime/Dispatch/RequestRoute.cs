using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// What matching a request found: the rule's table (and blueprint), the rule and where its values lie in the path, or
/// why no rule took it. A value kept in the request's context and kept small (32 bytes: it is part of every
/// request's context): a match allocates nothing; what few requests need (the details of a miss, values that do not
/// fit inline) lives in a <see cref="RouteDetails"/> made only for them.
/// </summary>
internal struct RequestRoute
{
    // The matched rule's blueprint mount, or for an app view its table: one reference for both.
    private object? source;

    /// <summary>What few requests need (see <see cref="RouteDetails"/>); null for most.</summary>
    public RouteDetails? Details;

    /// <summary>The index of the matched rule in <see cref="RouteTable.Rules"/>.</summary>
    public int RuleIndex;

    /// <summary>Where the matched rule's values lie in the path (under the blueprint's prefix), when they fit inline.</summary>
    private MatchedValues values;

    /// <summary>The table whose rule matched; null when none did.</summary>
    public readonly RouteTable? Table => source is BlueprintMount mount ? mount.Table : source as RouteTable;

    /// <summary>The blueprint of that table (Flask's <c>request.blueprint</c>); null for an app view or no match.</summary>
    public readonly BlueprintMount? Blueprint => source as BlueprintMount;

    /// <summary>For a URL no rule took: the blueprint with the longest prefix it lies under, or null.</summary>
    public readonly BlueprintMount? Owner => Details?.Owner;

    /// <summary>The matched rule, or null.</summary>
    public readonly Rule? Rule => Table?.Rules[RuleIndex];

    /// <summary>The matched endpoint as the app names it (<c>admin.user</c>), or null.</summary>
    public readonly string? Endpoint => Rule is { } rule ? Blueprint is { } mount ? $"{mount.Name}.{rule.Endpoint}" : rule.Endpoint : null;

    /// <summary>Keeps a generated matcher's result for <paramref name="table"/>'s matched rule.</summary>
    public void Matched(RouteTable table, BlueprintMount? blueprint, in RouteMatch match)
    {
        source = blueprint is not null ? blueprint : table;
        RuleIndex = match.RuleIndex;
        int count = table.VariableCount(match.RuleIndex);
        if (!values.TryKeep(match.Values, count))
        {
            var all = new Range[count];
            for (int i = 0; i < count; i++)
            {
                all[i] = match.Values[i];
            }
            (Details ??= new RouteDetails()).Values = all;
        }
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
        int count = Table!.VariableCount(RuleIndex);
        if (Details?.Values is { } all)
        {
            for (int i = 0; i < count; i++)
            {
                match.Values[i] = all[i];
            }
            return;
        }
        for (int i = 0; i < count; i++)
        {
            match.Values[i] = values[i];
        }
    }

    /// <summary>The value of the matched rule's variable <paramref name="index"/>, as its range in the path.</summary>
    public readonly Range ValueRange(int index) => Details?.Values is { } all ? all[index] : values[index];

    /// <summary>Notes that <paramref name="table"/> (of <paramref name="owner"/>, a prefixed blueprint, or null) did not match.</summary>
    public void Missed(RouteTable table, BlueprintMount? owner, in RouteMatch match)
    {
        if (owner is not null && Details?.Owner is null)
        {
            (Details ??= new RouteDetails()).Owner = owner;
        }
        if (match.Status is MatchStatus.RedirectWithSlash or MatchStatus.MethodNotAllowed)
        {
            (Details ??= new RouteDetails()).Add(table, match);
        }
    }
}
