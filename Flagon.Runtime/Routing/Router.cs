using Flagon.Blueprints;
using Flagon.Dispatch;

namespace Flagon.Routing;

/// <summary>
/// The app's url map and its adapter (Werkzeug's <c>Map</c> and <c>MapAdapter</c>): the app's own route tables and
/// its mounted blueprints, and the two things done with them, matching a request and building a URL. The one place
/// that reads the table lists; the app registers into it.
/// </summary>
/// <remarks>
/// Registrations copy the lists (under a lock) and requests read them without one: matching allocates nothing.
/// </remarks>
internal sealed class Router
{
    private readonly object gate = new();
    private RouteTable[] tables;
    private BlueprintMount[] blueprints = [];
    private BlueprintMount[] mountsByPrefix = [];
    private HashSet<string>? servedViewClasses;
    private RuleSet?[] excludedRules = [];
    private RuleRanks? ranks;

    /// <param name="tables">The app's own tables, in the order they are tried; the last one (static files) stays last.</param>
    public Router(RouteTable[] tables) => this.tables = tables;

    /// <summary>The app's own tables, in the order they are tried.</summary>
    public RouteTable[] Tables => Volatile.Read(ref tables);

    /// <summary>The mounted blueprints, longest prefix first: the order requests try them.</summary>
    public BlueprintMount[] MountsByPrefix => Volatile.Read(ref mountsByPrefix);

    /// <summary>The blueprints in registration order.</summary>
    public BlueprintMount[] Blueprints => Volatile.Read(ref blueprints);

    /// <summary>Adds a table of the app's own, before the static files' table.</summary>
    public void AddTable(RouteTable table)
    {
        lock (gate)
        {
            tables = [.. tables[..^1], table, tables[^1]];
            RefreshExcludedRules();
            ranks = null;
        }
    }

    /// <summary>Forgets the rules' ranks: a table of the app's gained a rule (a run-time AddUrlRule).</summary>
    public void RulesChanged()
    {
        lock (gate)
        {
            ranks = null;
        }
    }

    /// <summary>Mounts a blueprint; its name must be new.</summary>
    /// <exception cref="ArgumentException">The name is taken.</exception>
    public void Mount(BlueprintMount mount)
    {
        lock (gate)
        {
            if (blueprints.Any(b => b.Name == mount.Name))
            {
                throw new ArgumentException(
                    $"The name '{mount.Name}' is already registered for a blueprint. Use 'name:' to give this registration a unique name.", "name");
            }
            blueprints = [.. blueprints, mount];
            // Longest prefix first: a request goes to the most specific mount.
            mountsByPrefix = [.. blueprints.OrderByDescending(b => b.Prefix.Length)];
        }
    }

    /// <summary>The mount registered under <paramref name="name"/>, or null.</summary>
    public BlueprintMount? MountNamed(string name) => Blueprints.FirstOrDefault(b => b.Name == name);

    /// <summary>The mount a blueprint's URLs are built for: <paramref name="current"/> if it is that blueprint, else its first registration.</summary>
    public BlueprintMount? FindMount(string declaredName, BlueprintMount? current) =>
        current is not null && current.DeclaredName == declaredName
            ? current
            : MountNamed(declaredName) ?? Blueprints.FirstOrDefault(b => b.DeclaredName == declaredName);

    // ---- matching (MapAdapter.match) ----

    /// <summary>Matches once: blueprints by prefix, longest first, then the app's own tables; a miss says why.</summary>
    public void Match(string path, string method, ref RequestRoute route)
    {
        foreach (var mount in MountsByPrefix)
        {
            if (!mount.Contains(path))
            {
                continue;
            }
            var match = mount.Table.Match(path.AsSpan(mount.Prefix.Length), method);
            if (match.Status == MatchStatus.Matched)
            {
                route.Matched(mount.Table, mount, match);
                return;
            }
            route.Missed(mount.Table, mount.Prefix.Length > 0 ? mount : null, match);
        }
        var own = Tables;
        if (own.Length > 2)
        {
            if (MatchRanked(own, path, method, ref route))
            {
                return;
            }
        }
        else
        {
            for (int i = 0; i < own.Length; i++)
            {
                var match = own[i].Match(path, method, ExcludedRules(i));
                if (match.Status == MatchStatus.Matched)
                {
                    route.Matched(own[i], null, match);
                    return;
                }
                route.Missed(own[i], null, match);
            }
        }
        if (route.Details is not { Redirect: true } && route.Details?.Allowed is null && path.Contains("//", StringComparison.Ordinal)
            && MergeSlashes(path) is { } merged)
        {
            (route.Details ??= new RouteDetails()).MergedPath = merged;
        }
    }

    /// <summary>
    /// Several tables of the app's own (AddUrlRule): each finds its first match, and the one whose rule ranks first
    /// in Werkzeug's order wins (a slash redirect counts at its rule's place), as if the rules were one table; the
    /// static files come last. True when it decided (a match or a redirect).
    /// </summary>
    private bool MatchRanked(RouteTable[] own, string path, string method, ref RequestRoute route)
    {
        var order = Volatile.Read(ref ranks);
        if (order is null)
        {
            lock (gate)
            {
                order = ranks ??= RuleRanks.For(tables[..^1]);
            }
        }
        int best = -1, bestRank = int.MaxValue;
        RouteMatch bestMatch = default;
        for (int i = 0; i < own.Length - 1; i++)
        {
            var match = own[i].Match(path, method, ExcludedRules(i));
            if (match.Status is MatchStatus.Matched or MatchStatus.RedirectWithSlash)
            {
                int rank = order.Of(i, match.RuleIndex);
                if (rank < bestRank)
                {
                    (best, bestRank, bestMatch) = (i, rank, match);
                }
                continue;
            }
            route.Missed(own[i], null, match);
        }
        if (best >= 0)
        {
            if (bestMatch.Status == MatchStatus.Matched)
            {
                route.Matched(own[best], null, bestMatch);
            }
            else
            {
                route.Missed(own[best], null, bestMatch);
            }
            return true;
        }
        var statics = own[^1].Match(path, method, ExcludedRules(own.Length - 1));
        if (statics.Status == MatchStatus.Matched)
        {
            route.Matched(own[^1], null, statics);
            return true;
        }
        route.Missed(own[^1], null, statics);
        return false;
    }

    /// <summary>The path with its repeated slashes merged, if some rule matches it (Werkzeug's merge_slashes).</summary>
    private string? MergeSlashes(string path)
    {
        var merged = System.Text.RegularExpressions.Regex.Replace(path, "/{2,}", "/");
        foreach (var mount in MountsByPrefix)
        {
            if (mount.Contains(merged) && mount.Table.Match(merged.AsSpan(mount.Prefix.Length), "GET").Status != MatchStatus.NotFound)
            {
                return merged;
            }
        }
        var own = Tables;
        for (int i = 0; i < own.Length; i++)
        {
            if (own[i].Match(merged, "GET", ExcludedRules(i)).Status != MatchStatus.NotFound)
            {
                return merged;
            }
        }
        return null;
    }

    // ---- building (MapAdapter.build) ----

    /// <summary>
    /// Builds the URL of <paramref name="endpoint"/> (<c>view</c> or <c>blueprint.view</c>) under <paramref name="root"/>;
    /// null when no rule the app serves has that endpoint.
    /// </summary>
    /// <exception cref="UrlBuildException">A value is missing or does not fit the rule.</exception>
    public string? Build(string endpoint, UrlValues values, string root, string? anchor, bool external)
    {
        int dot = endpoint.LastIndexOf('.');
        if (dot > 0 && MountNamed(endpoint[..dot]) is { } mount)
        {
            return mount.Table.BuildUrl(endpoint[(dot + 1)..], root + mount.Prefix, values, anchor, external);
        }
        foreach (var table in Tables)
        {
            if (Serves(table, endpoint) && table.BuildUrl(endpoint, root, values, anchor, external) is { } url)
            {
                return url;
            }
        }
        return null;
    }

    /// <summary>
    /// Every rule the app serves (Flask's <c>app.url_map</c>), in the order requests try them: each blueprint's (longest
    /// prefix first) with its prefix and endpoint names as mounted, then the app's own.
    /// </summary>
    public List<Rule> Rules()
    {
        var rules = new List<Rule>();
        foreach (var mount in MountsByPrefix)
        {
            rules.AddRange(mount.Table.Rules.Select(r => r with
            {
                Endpoint = $"{mount.Name}.{r.Endpoint}",
                Pattern = mount.Prefix + r.Pattern,
                Blueprint = mount.Name,
            }));
        }
        rules.AddRange(Tables.SelectMany(t => t.Rules).Where(Serves));
        return rules;
    }

    // ---- served view classes ----

    /// <summary>Serves the app-level views of these classes only (names as <c>Namespace.Class</c>); calls add up.</summary>
    /// <exception cref="ArgumentException">A class declares no app-level view.</exception>
    public void ServeViews(IEnumerable<string> viewClasses)
    {
        lock (gate)
        {
            var known = tables.SelectMany(t => t.Rules).Select(r => r.ViewClass).Where(c => c is not null).ToHashSet(StringComparer.Ordinal);
            var served = new HashSet<string>(servedViewClasses ?? [], StringComparer.Ordinal);
            foreach (var name in viewClasses)
            {
                if (!known.Contains(name))
                {
                    throw new ArgumentException($"'{name}' declares no app-level [Route] view of this program; a blueprint is served with RegisterBlueprint.", nameof(viewClasses));
                }
                served.Add(name);
            }
            servedViewClasses = served;
            RefreshExcludedRules();
        }
    }

    // Called under the lock when the served classes or the tables change.
    private void RefreshExcludedRules()
    {
        var served = servedViewClasses;
        excludedRules = [.. tables.Select(table =>
        {
            if (served is null)
            {
                return null;
            }
            var excluded = Enumerable.Range(0, table.Rules.Count).Where(i => table.Rules[i].ViewClass is { } c && !served.Contains(c)).ToList();
            return excluded.Count == 0 ? null : new RuleSet(excluded);
        })];
    }

    /// <summary>The rules of the app's table number <paramref name="index"/> that the app does not serve, or null.</summary>
    private RuleSet? ExcludedRules(int index)
    {
        var excluded = Volatile.Read(ref excludedRules);
        return index < excluded.Length ? excluded[index] : null;
    }

    /// <summary>Whether the app serves <paramref name="rule"/> (always, for blueprints' and run-time rules).</summary>
    public bool Serves(Rule rule) => servedViewClasses is not { } served || rule.ViewClass is not { } viewClass || served.Contains(viewClass);

    /// <summary>Whether the app serves some rule of <paramref name="endpoint"/> in <paramref name="table"/>.</summary>
    public bool Serves(RouteTable table, string endpoint) =>
        servedViewClasses is null || table.Rules.Any(r => r.Endpoint == endpoint && Serves(r));
}
