namespace Flagon.Routing;

/// <summary>A set of rule indexes of one table, as bits: what an app passes over when it serves some view classes only.</summary>
public sealed class RuleSet
{
    private readonly ulong[] bits;

    /// <summary>Creates the set of <paramref name="rules"/>.</summary>
    public RuleSet(IEnumerable<int> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        bits = new ulong[list.Count == 0 ? 0 : (list.Max() >> 6) + 1];
        foreach (var rule in list)
        {
            bits[rule >> 6] |= 1UL << (rule & 63);
        }
    }

    /// <summary>Whether <paramref name="rule"/> is in the set.</summary>
    public bool Contains(int rule) => (uint)(rule >> 6) < (uint)bits.Length && (bits[rule >> 6] & (1UL << (rule & 63))) != 0;
}
