using Microsoft.AspNetCore.Http;

namespace Flagon.Routing;

/// <summary>
/// A compiled set of rules: the source generator emits one subclass for the app's own views and one per
/// blueprint. <see cref="Match(ReadOnlySpan{char}, string)"/> is a decision tree over path parts written as C# at build time, and
/// <see cref="InvokeAsync"/> binds the values and calls the matched view directly: no reflection.
/// </summary>
public abstract class RouteTable
{
    /// <summary>Every rule of the table, in the order the generator compiled them.</summary>
    public abstract IReadOnlyList<Rule> Rules { get; }

    // How many variables each rule has, read on every request that matched (RequestRoute keeps and gives back that many
    // values): an array read instead of two interface calls. A table whose rules change (the run-time table, which
    // keeps them in Werkzeug's order) calls RulesChanged.
    private int[] variableCounts = [];

    /// <summary>Forgets what was read from <see cref="Rules"/>: a rule was added, and the rules may be in a new order.</summary>
    private protected void RulesChanged() => Volatile.Write(ref variableCounts, []);

    /// <summary>How many variables the rule at <paramref name="rule"/> has.</summary>
    internal int VariableCount(int rule)
    {
        var counts = Volatile.Read(ref variableCounts);
        if ((uint)rule < (uint)counts.Length)
        {
            return counts[rule];
        }
        var rules = Rules;
        counts = new int[rules.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = rules[i].Variables.Count;
        }
        Volatile.Write(ref variableCounts, counts);
        return counts[rule];
    }

    /// <summary>The HTTP methods the rules name, indexed by the bits of <see cref="RouteMatch.AllowedMethods"/>.</summary>
    public abstract IReadOnlyList<string> MethodNames { get; }

    /// <summary>
    /// Matches a path without allocating. The path is relative to the table's mount point: empty, or
    /// starting with <c>/</c>; it is percent-decoded except for <c>%2F</c> (as ASP.NET Core gives it).
    /// </summary>
    /// <param name="path">The path to match.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    public RouteMatch Match(ReadOnlySpan<char> path, string method) => Match(path, method, null);

    /// <summary>Matches a path as if the <paramref name="excluded"/> rules were not in the table (an app that serves some view classes only).</summary>
    /// <param name="path">The path to match.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="excluded">The rules to pass over, or null.</param>
    public abstract RouteMatch Match(ReadOnlySpan<char> path, string method, RuleSet? excluded);

    /// <summary>Binds the matched rule's values from <paramref name="path"/>, calls its view and writes the response.</summary>
    /// <param name="context">The request.</param>
    /// <param name="path">The same path that was given to <see cref="Match(ReadOnlySpan{char}, string)"/>.</param>
    /// <param name="match">A result of <see cref="Match(ReadOnlySpan{char}, string)"/> with <see cref="MatchStatus.Matched"/>.</param>
    public abstract ValueTask InvokeAsync(HttpContext context, ReadOnlySpan<char> path, in RouteMatch match);

    /// <summary>
    /// Builds the URL of <paramref name="endpoint"/> if this table has it (null otherwise), by calling the
    /// endpoint's generated typed UrlFor method with the values converted to its parameter types.
    /// </summary>
    /// <param name="endpoint">The endpoint's name within this table (without blueprint name).</param>
    /// <param name="prefix">The path prefix of the table's mount point.</param>
    /// <param name="values">The values to build with.</param>
    /// <param name="anchor">The anchor, or null.</param>
    /// <param name="external">Whether to build an absolute URL.</param>
    public abstract string? BuildUrl(string endpoint, string prefix, UrlValues values, string? anchor, bool external);

    /// <summary>
    /// Werkzeug's <c>redirect_defaults</c>: the URL (under <paramref name="prefix"/>) the matched rule's values have
    /// through an earlier rule of its endpoint whose defaults they equal (<c>/page/1</c> when <c>/page</c> defaults
    /// <c>pk=1</c>), which the request is redirected to; null when there is none (nearly always).
    /// </summary>
    /// <param name="prefix">The path prefix of the table's mount point.</param>
    /// <param name="path">The path that was matched.</param>
    /// <param name="match">The match.</param>
    public virtual string? DefaultsRedirect(string prefix, ReadOnlySpan<char> path, in RouteMatch match) => null;

    /// <summary>
    /// Whether some rule of the table can be redirected to through its endpoint's defaults (<see cref="DefaultsRedirect"/>):
    /// false for most tables, which then cost a request nothing for it.
    /// </summary>
    public virtual bool RedirectsDefaults => false;

    /// <summary>
    /// Registers the table's <c>[BeforeRequest]</c>, <c>[AfterRequest]</c>, <c>[TeardownRequest]</c> and
    /// <c>[ErrorHandler]</c> methods in <paramref name="scaffold"/> (the app's, or the blueprint's own), as direct calls.
    /// </summary>
    public virtual void AddHandlers(Dispatch.Scaffold scaffold)
    {
    }

    /// <summary>
    /// The attributes of the rule's view and of its class, created anew on each call (ASP.NET Core's <c>[Authorize]</c>,
    /// <c>[EnableCors]</c>, …, and the user's own): the metadata of the rule's ASP.NET Core endpoint, which the app
    /// builds once.
    /// </summary>
    /// <param name="rule">The index of the rule in <see cref="Rules"/>.</param>
    public virtual IReadOnlyList<object> EndpointMetadata(int rule) => [];

    private Dispatch.Scaffold? scaffold;

    /// <summary>The hooks and handlers of a blueprint's table, made once from <see cref="AddHandlers"/>.</summary>
    internal Dispatch.Scaffold Scaffold => LazyInitializer.EnsureInitialized(ref scaffold, () =>
    {
        var own = new Dispatch.Scaffold();
        AddHandlers(own);
        return own;
    });

    /// <summary>The <c>Allow</c> header value for a set of method bits: the names, sorted.</summary>
    public string FormatAllow(ulong methods)
    {
        var names = new List<string>();
        for (int bit = 0; bit < MethodNames.Count; bit++)
        {
            if ((methods & (1UL << bit)) != 0)
            {
                names.Add(MethodNames[bit]);
            }
        }
        names.Sort(StringComparer.Ordinal);
        return string.Join(", ", names);
    }
}
