using Flagon.Routing;

namespace Flagon;

// Which of the program's app-level view classes an app serves: all of them unless told (an app factory may make a
// frontend and a backend from one program, each with its own views, as the seed's slide 35 does with blueprints).
public partial class App
{
    private HashSet<string>? servedViewClasses;
    private RuleSet?[] excludedRules = [];

    /// <summary>
    /// Serves the app-level views of these classes only (by default an app serves every class's): the others' rules
    /// are neither matched, built by <c>Url.For</c>, listed by <c>routes</c>, nor endpoints. Blueprints are chosen with
    /// <see cref="RegisterBlueprint{T}"/>; rules added with <c>AddUrlRule</c> are always served. Calls add up.
    /// </summary>
    /// <example>
    /// <code>
    /// static App CreateApp(string name) => name == "backend"
    ///     ? new App(["--applicationName", name]).ServeViews(typeof(BackendViews))
    ///     : new App(["--applicationName", name]).ServeViews(typeof(FrontendViews), typeof(SharedViews));
    /// </code>
    /// </example>
    /// <param name="viewClasses">Classes that declare app-level <c>[Route]</c> views.</param>
    /// <exception cref="ArgumentException">A class declares no app-level view of this program.</exception>
    public App ServeViews(params Type[] viewClasses)
    {
        ArgumentNullException.ThrowIfNull(viewClasses);
        lock (blueprints)
        {
            var known = tables.SelectMany(t => t.Rules).Select(r => r.ViewClass).Where(c => c is not null).ToHashSet(StringComparer.Ordinal);
            servedViewClasses ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in viewClasses)
            {
                var name = (type?.FullName ?? throw new ArgumentException("A view class is null.", nameof(viewClasses))).Replace('+', '.');
                if (!known.Contains(name))
                {
                    throw new ArgumentException($"'{name}' declares no app-level [Route] view of this program; a blueprint is served with RegisterBlueprint.", nameof(viewClasses));
                }
                servedViewClasses.Add(name);
            }
            RefreshExcludedRules();
        }
        return this;
    }

    // Called when the served classes or the tables change (under the registration lock).
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
        var excluded = excludedRules;
        return index < excluded.Length ? excluded[index] : null;
    }

    /// <summary>Whether the app serves <paramref name="rule"/> (always, for blueprints' and run-time rules).</summary>
    internal bool Serves(Rule rule) => servedViewClasses is not { } served || rule.ViewClass is not { } viewClass || served.Contains(viewClass);

    /// <summary>Whether the app serves some rule of <paramref name="endpoint"/> in <paramref name="table"/>.</summary>
    internal bool Serves(RouteTable table, string endpoint) =>
        servedViewClasses is null || table.Rules.Any(r => r.Endpoint == endpoint && Serves(r));
}
