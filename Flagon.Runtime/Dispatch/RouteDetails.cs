using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon.Dispatch;

/// <summary>
/// What few requests' routes need, in an object made only for them: for a URL no rule took, what the tables said (a
/// slash redirect, the union of allowed methods, a merge of slashes, the blueprint whose prefix the URL lies under);
/// for a match, its values when they do not fit in the request's context (more than three, or past 64 KB into the path).
/// </summary>
internal sealed class RouteDetails
{
    private SortedSet<string>? allowed;

    /// <summary>Some rule matches the path with a trailing slash added (Werkzeug's strict slashes).</summary>
    public bool Redirect { get; private set; }

    /// <summary>The path with repeated slashes merged, when a rule matches that (Werkzeug's merge_slashes).</summary>
    public string? MergedPath { get; set; }

    /// <summary>The blueprint with the longest prefix the URL lies under (whose error handlers answer), or null.</summary>
    public BlueprintMount? Owner { get; set; }

    /// <summary>A match's value ranges, when they do not fit inline.</summary>
    public Range[]? Values { get; set; }

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
