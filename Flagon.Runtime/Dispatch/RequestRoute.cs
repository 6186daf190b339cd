using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// What matching a request found: the rule's table (and blueprint), or why no rule took it. A value kept in the
/// request's context, so matching allocates nothing when a rule matches.
/// </summary>
internal struct RequestRoute
{
    /// <summary>The table whose rule matched; null when none did.</summary>
    public RouteTable? Table;

    /// <summary>The blueprint of that table (Flask's <c>request.blueprint</c>); null for an app view or no match.</summary>
    public BlueprintMount? Blueprint;

    /// <summary>For a URL no rule took: the blueprint with the longest prefix it lies under, or null.</summary>
    public BlueprintMount? Owner;

    /// <summary>The generated matcher's result for the matched table.</summary>
    public RouteMatch Match;

    /// <summary>What the tables said when none matched.</summary>
    public RouteMiss Miss;

    /// <summary>The matched rule, or null.</summary>
    public readonly Rule? Rule => Table?.Rules[Match.RuleIndex];

    /// <summary>The matched endpoint as the app names it (<c>admin.user</c>), or null.</summary>
    public readonly string? Endpoint => Rule is { } rule ? Blueprint is { } mount ? $"{mount.Name}.{rule.Endpoint}" : rule.Endpoint : null;
}

/// <summary>What the tables said when none matched: a slash redirect, the union of allowed methods, or a merge of slashes.</summary>
internal struct RouteMiss
{
    private SortedSet<string>? allowed;

    /// <summary>Some rule matches the path with a trailing slash added (Werkzeug's strict slashes).</summary>
    public bool Redirect { get; private set; }

    /// <summary>The path with repeated slashes merged, when a rule matches that (Werkzeug's merge_slashes).</summary>
    public string? MergedPath { get; set; }

    /// <summary>The methods some rule takes for this path; null when none does.</summary>
    public readonly SortedSet<string>? Allowed => allowed;

    public void Add(RouteTable table, RouteMatch match)
    {
        if (match.Status == MatchStatus.RedirectWithSlash)
        {
            Redirect = true;
        }
        else if (match.Status == MatchStatus.MethodNotAllowed)
        {
            allowed ??= new SortedSet<string>(StringComparer.Ordinal);
            allowed.UnionWith(table.FormatAllow(match.AllowedMethods).Split(", "));
        }
    }
}
