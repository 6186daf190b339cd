using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// What the tables said when none matched a request: a slash redirect, the union of allowed methods, a merge of
/// slashes, the blueprint whose prefix the URL lies under. Made only for a miss that has one of these.
/// </summary>
internal sealed class RouteMiss
{
    private SortedSet<string>? allowed;

    /// <summary>Some rule matches the path with a trailing slash added (Werkzeug's strict slashes).</summary>
    public bool Redirect { get; private set; }

    /// <summary>The path with repeated slashes merged, when a rule matches that (Werkzeug's merge_slashes).</summary>
    public string? MergedPath { get; set; }

    /// <summary>The blueprint with the longest prefix the URL lies under (whose error handlers answer), or null.</summary>
    public BlueprintMount? Owner { get; set; }

    /// <summary>The methods some rule takes for this path; null when none does.</summary>
    public SortedSet<string>? Allowed => allowed;

    /// <summary>Adds what <paramref name="table"/>'s matcher said: a slash redirect or the methods it allows.</summary>
    public void Add(RouteTable table, in RouteMatch match)
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
