using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Flagon.Routing;
using Flagon.Routing.RunTime;

namespace Flagon;

public partial class App
{
    private RuntimeRouteTable? runtimeRules;

    /// <summary>
    /// Adds a URL rule for a view, Flask's <c>app.add_url_rule('/', index_view, endpoint='index')</c>. When the rule is
    /// a constant (and the other arguments too), the generator compiles this call like a [Route]: the call is
    /// intercepted at build time and adds a generated route table, with a typed UrlFor method. Otherwise the rule
    /// is parsed here and its view bound by reflection (the analyzers say so: FLG0009).
    /// </summary>
    /// <param name="rule">The URL rule, in Werkzeug's syntax.</param>
    /// <param name="view">The view: a method group or a lambda.</param>
    /// <param name="endpoint">The endpoint; the method's name in snake_case when null.</param>
    /// <param name="methods">The HTTP methods; GET when null.</param>
    /// <param name="defaults">Values the rule gives the view, as <c>"name=value"</c> pairs.</param>
    /// <param name="strictSlashes">Werkzeug's strict_slashes: redirect a path missing the rule's trailing slash.</param>
    /// <returns>This app.</returns>
    /// <exception cref="ArgumentException">The rule is invalid, or does not fit the view.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reached only for rules the generator could not compile; FLG0009 tells the user so.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reached only for rules the generator could not compile; FLG0009 tells the user so.")]
    public App AddUrlRule(string rule, Delegate view, string? endpoint = null, string[]? methods = null, string? defaults = null, bool strictSlashes = true)
    {
        CheckSetup();
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(view);
        lock (router)
        {
            if (runtimeRules is null)
            {
                runtimeRules = new RuntimeRouteTable();
                router.AddTable(runtimeRules);
            }
            runtimeRules.Add(rule, view, endpoint, methods, defaults, strictSlashes);
            router.RulesChanged();
        }
        return this;
    }

    /// <summary>Adds a compiled route table to the app's own; called by generated code for intercepted AddUrlRule calls.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public App AddRouteTable(RouteTable table)
    {
        // The user wrote AddUrlRule: the error names it, not the generated call it became.
        CheckSetup(nameof(AddUrlRule));
        ArgumentNullException.ThrowIfNull(table);
        router.AddTable(table);
        table.AddHandlers(scaffold);
        return this;
    }
}
