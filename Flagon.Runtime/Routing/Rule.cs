namespace Flagon.Routing;

/// <summary>
/// One URL rule of the url map, as the generator compiled it: what <c>routes</c> lists and what
/// <c>print(app.url_map)</c> shows in Flask.
/// </summary>
/// <param name="Endpoint">The endpoint name (<c>view</c> or <c>blueprint.view</c>).</param>
/// <param name="Pattern">The rule text as written in <see cref="RouteAttribute"/>.</param>
/// <param name="Methods">The accepted methods, upper case, sorted; <c>HEAD</c> is included wherever <c>GET</c> is.</param>
public sealed record Rule(string Endpoint, string Pattern, IReadOnlyList<string> Methods)
{
    /// <summary>The blueprint the rule is mounted with, or null for the app's own views.</summary>
    public string? Blueprint { get; init; }

    /// <summary>
    /// Whether the rule lists <c>HEAD</c> itself (not only implied by <c>GET</c>): such a rule answers <c>HEAD</c>
    /// before a <c>GET</c> rule of the same path, whichever table or order either comes from.
    /// </summary>
    public bool ExplicitHead { get; init; }

    /// <summary>For the app's own views: the class the view is declared in (<c>MyApp.FrontendViews</c>), which <see cref="App.ServeViews(Type[])"/> chooses by.</summary>
    public string? ViewClass { get; init; }

    /// <summary>
    /// The rule's defaults (Werkzeug's <c>rule.defaults</c>): values its view receives that the URL does not give, as
    /// text (<c>pk</c> → <c>1</c> for <c>[Route("/page", Defaults = "pk=1")]</c>). Empty for most rules.
    /// </summary>
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    private string[]? variables;

    /// <summary>The names of the rule's variables, in the order they appear: <c>["pk"]</c> for <c>/page/&lt;int:pk&gt;</c>.</summary>
    public IReadOnlyList<string> Variables => variables ??=
        [.. Generators.Shared.RuleParser.Parse(Pattern, Generators.Shared.RuleParser.AnyConverter).Parts.Where(p => p.IsVariable).Select(p => p.Text)];

    /// <summary>Whether the rule accepts <paramref name="method"/>.</summary>
    public bool AllowsMethod(string method)
    {
        foreach (var m in Methods)
        {
            if (string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"<Rule '{Pattern}' ({string.Join(", ", Methods)}) -> {Endpoint}>";
}
