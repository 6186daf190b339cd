namespace Flagon.Routing;

/// <summary>
/// The rules of an app (Flask's <c>app.url_map</c>), in the order requests try them. It prints like Werkzeug's
/// map: <c>Map([&lt;Rule '/' (GET, HEAD, OPTIONS) -&gt; index&gt;, …])</c>.
/// </summary>
public sealed class UrlMap(IReadOnlyList<Rule> rules) : IReadOnlyList<Rule>
{
    /// <inheritdoc/>
    public Rule this[int index] => rules[index];

    /// <inheritdoc/>
    public int Count => rules.Count;

    /// <summary>The rules of <paramref name="endpoint"/>.</summary>
    public IEnumerable<Rule> ForEndpoint(string endpoint) => rules.Where(r => r.Endpoint == endpoint);

    /// <inheritdoc/>
    public IEnumerator<Rule> GetEnumerator() => rules.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => $"Map([{string.Join(",\n ", rules)}])";
}
