using System.CommandLine;
using System.Text;
using Flagon.Routing;

namespace Flagon.Cli;

/// <summary>
/// <c>dotnet run -- routes</c>: the url map as a table with Flask's columns (endpoint, methods, rule), like
/// <c>flask routes</c>: sorted by endpoint unless <c>--sort</c> says otherwise (<c>match</c> is the order Flagon tries
/// the rules, which the generator fixed at build time), HEAD and OPTIONS left out unless <c>--all-methods</c>, and
/// narrowed to the rules whose endpoint or rule contains an optional filter text.
/// </summary>
internal static class RoutesCommand
{
    public const string Name = "routes";

    /// <summary>The orders <c>--sort</c> takes (Flask's, without its <c>domain</c>).</summary>
    public static readonly string[] Sorts = ["endpoint", "methods", "rule", "match"];

    public static Command Create(Func<IReadOnlyList<Rule>> rules)
    {
        var sort = new Option<string>("--sort", "-s")
        {
            Description = "Order by endpoint, methods, rule, or match (the order rules are tried).",
            DefaultValueFactory = _ => "endpoint",
        };
        sort.AcceptOnlyFromAmong(Sorts);
        var allMethods = new Option<bool>("--all-methods") { Description = "Show HEAD and OPTIONS too." };
        var filter = new Argument<string?>("filter")
        {
            Description = "Only the rules whose endpoint or rule contains this text (any case).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(Name, "Lists the app's url map (flask routes).") { sort, allMethods, filter };
        command.SetAction(result =>
        {
            var listed = Select(rules(), result.GetValue(sort)!, result.GetValue(allMethods), result.GetValue(filter));
            if (listed.Count == 0)
            {
                result.InvocationConfiguration.Output.WriteLine("No routes were registered.");
                return 0;
            }
            result.InvocationConfiguration.Output.Write(Format(listed, result.GetValue(allMethods)));
            return 0;
        });
        return command;
    }

    /// <summary>The rules to list, filtered and in the order <paramref name="sort"/> names.</summary>
    public static IReadOnlyList<Rule> Select(IReadOnlyList<Rule> rules, string sort = "endpoint", bool allMethods = false, string? filter = null)
    {
        IEnumerable<Rule> selected = rules;
        if (!string.IsNullOrEmpty(filter))
        {
            selected = selected.Where(r => r.Endpoint.Contains(filter, StringComparison.OrdinalIgnoreCase)
                || r.Pattern.Contains(filter, StringComparison.OrdinalIgnoreCase));
        }
        // OrderBy is stable: rules that compare equal keep the match order, as Python's sort keeps the url map's.
        return sort switch
        {
            "endpoint" => [.. selected.OrderBy(r => r.Endpoint, StringComparer.Ordinal)],
            "methods" => [.. selected.OrderBy(r => string.Join(",", Shown(r, allMethods).Order(StringComparer.Ordinal)), StringComparer.Ordinal)],
            "rule" => [.. selected.OrderBy(r => r.Pattern, StringComparer.Ordinal)],
            "match" => [.. selected],
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, $"Sort by one of {string.Join(", ", Sorts)}."),
        };
    }

    /// <summary>Formats the rules in the given order: endpoint, methods, rule (Flask's columns).</summary>
    public static string Format(IReadOnlyList<Rule> rules, bool allMethods = false)
    {
        var rows = rules.Select(r => (r.Endpoint, Methods: string.Join(", ", Shown(r, allMethods)), r.Pattern)).ToList();
        var headers = (Endpoint: "Endpoint", Methods: "Methods", Pattern: "Rule");
        int w1 = rows.Select(r => r.Endpoint.Length).Append(headers.Endpoint.Length).Max();
        int w2 = rows.Select(r => r.Methods.Length).Append(headers.Methods.Length).Max();
        int w3 = rows.Select(r => r.Pattern.Length).Append(headers.Pattern.Length).Max();
        var text = new StringBuilder();
        void Line(string a, string b, string c) =>
            text.Append(a.PadRight(w1)).Append("  ").Append(b.PadRight(w2)).Append("  ").Append(c).Append('\n');
        Line(headers.Endpoint, headers.Methods, headers.Pattern);
        Line(new string('-', w1), new string('-', w2), new string('-', w3));
        foreach (var row in rows)
        {
            Line(row.Endpoint, row.Methods, row.Pattern);
        }
        return text.ToString();
    }

    private static IEnumerable<string> Shown(Rule rule, bool allMethods) =>
        allMethods
            ? rule.Methods.Append("OPTIONS").Distinct().Order(StringComparer.Ordinal)   // OPTIONS is answered for every rule
            : rule.Methods.Where(m => m is not ("HEAD" or "OPTIONS"));
}
