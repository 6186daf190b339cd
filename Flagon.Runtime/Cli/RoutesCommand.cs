using System.Text;
using Flagon.Routing;

namespace Flagon.Cli;

/// <summary>
/// <c>dotnet run -- routes</c>: the url map as a table, like <c>flask routes</c>, in the order Flagon tries the
/// rules (the match priority), which the generator fixed at build time.
/// </summary>
internal static class RoutesCommand
{
    public const string Name = "routes";

    /// <summary>Formats the rules: priority, endpoint, methods (HEAD and OPTIONS left out, as Flask does), rule.</summary>
    public static string Format(IReadOnlyList<Rule> rules)
    {
        var rows = rules.Select((r, i) => (
            Priority: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Endpoint,
            Methods: string.Join(", ", r.Methods.Where(m => m is not ("HEAD" or "OPTIONS"))),
            r.Pattern)).ToList();
        var headers = (Priority: "Priority", Endpoint: "Endpoint", Methods: "Methods", Pattern: "Rule");
        int w1 = rows.Select(r => r.Priority.Length).Append(headers.Priority.Length).Max();
        int w2 = rows.Select(r => r.Endpoint.Length).Append(headers.Endpoint.Length).Max();
        int w3 = rows.Select(r => r.Methods.Length).Append(headers.Methods.Length).Max();
        int w4 = rows.Select(r => r.Pattern.Length).Append(headers.Pattern.Length).Max();
        var text = new StringBuilder();
        void Line(string a, string b, string c, string d) =>
            text.Append(a.PadRight(w1)).Append("  ").Append(b.PadRight(w2)).Append("  ").Append(c.PadRight(w3)).Append("  ").Append(d).Append('\n');
        Line(headers.Priority, headers.Endpoint, headers.Methods, headers.Pattern);
        Line(new string('-', w1), new string('-', w2), new string('-', w3), new string('-', w4));
        foreach (var row in rows)
        {
            Line(row.Priority, row.Endpoint, row.Methods, row.Pattern);
        }
        return text.ToString();
    }
}
