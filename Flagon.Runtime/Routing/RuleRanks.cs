using Flagon.Generators.Model;
using Flagon.Generators.Shared;

namespace Flagon.Routing;

/// <summary>
/// Where each rule of several route tables stands in Werkzeug's total order (<see cref="RuleOrder"/>), for an app
/// whose own rules live in more than one table: its views' table, plus one per AddUrlRule call. Each table's
/// matcher finds its own first match; of those, the one ranked first is the app's match, as if all the rules
/// were in one table. Ranks are read from the rules' text and their variables' converters as resolved
/// (<see cref="RuleVariable"/>), computed once.
/// </summary>
internal sealed class RuleRanks
{
    private readonly int[][] ranks;

    private RuleRanks(int[][] ranks) => this.ranks = ranks;

    /// <summary>The rank of rule <paramref name="rule"/> of table <paramref name="table"/>: lower is tried first.</summary>
    public int Of(int table, int rule) => ranks[table][rule];

    /// <summary>Ranks every rule of <paramref name="tables"/>; equal rules keep the tables' order.</summary>
    public static RuleRanks For(IReadOnlyList<RouteTable> tables)
    {
        var entries = new List<(int Table, int Rule, List<PartSpec> Parts, List<ConverterKey> Keys, bool ExplicitHead)>();
        for (int t = 0; t < tables.Count; t++)
        {
            for (int r = 0; r < tables[t].Rules.Count; r++)
            {
                var parsed = RuleParser.Parse(tables[t].Rules[r].Pattern, RuleParser.AnyConverter);
                var keys = tables[t].EndpointMetadata(r).OfType<RuleVariable>().Select(v => new ConverterKey(v.Converter, v.Arguments)).ToList();
                entries.Add((t, r, parsed.Error is null ? RuleParts.Split(parsed) : [], keys, tables[t].Rules[r].ExplicitHead));
            }
        }
        entries.Sort((a, b) =>
        {
            int c = RuleOrder.CompareRules(a.Parts, a.Keys, b.Parts, b.Keys);
            // Of two rules of the same path, the one that lists HEAD itself answers HEAD first (docs/routing.md, Methods).
            if (c == 0) c = b.ExplicitHead.CompareTo(a.ExplicitHead);
            if (c == 0) c = a.Table.CompareTo(b.Table);
            return c != 0 ? c : a.Rule.CompareTo(b.Rule);
        });
        var ranks = tables.Select(t => new int[t.Rules.Count]).ToArray();
        for (int i = 0; i < entries.Count; i++)
        {
            ranks[entries[i].Table][entries[i].Rule] = i;
        }
        return new RuleRanks(ranks);
    }
}
