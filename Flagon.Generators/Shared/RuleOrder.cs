using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Shared
{
    /// <summary>What the order of rules needs to know of a converter: Werkzeug's weight, Flagon's tie-break, its text.</summary>
    internal readonly struct ConverterKey
    {
        public ConverterKey(string name, string arguments)
        {
            Weight = RuleOrder.Weight(name);
            Rank = RuleOrder.Rank(name);
            Display = arguments.Length == 0 ? name : name + "(" + arguments + ")";
        }

        /// <summary>Werkzeug's converter weight: lower is tried first.</summary>
        public int Weight { get; }

        /// <summary>Flagon's tie-break between converters of equal weight: the more restrictive first.</summary>
        public int Rank { get; }

        /// <summary>How the rule shows the converter: <c>int(min=1)</c>.</summary>
        public string Display { get; }
    }

    /// <summary>
    /// The total order in which rules are tried, Werkzeug's: part by part, static text before variables, variable
    /// parts by Werkzeug's <c>Weighting</c>, a rule that ends before one that goes on. The generator numbers the
    /// rules of a table by it (its decision tree visits them in this order), and an app with several tables (rules
    /// added with AddUrlRule) ranks all its rules by it, so a rule takes the same place wherever it was declared.
    /// </summary>
    internal static class RuleOrder
    {
        /// <summary>Werkzeug's converter weights.</summary>
        public static int Weight(string converter) => converter switch
        {
            "int" or "float" => 50,
            "path" => 200,
            _ => 100,
        };

        /// <summary>
        /// Flagon's tie-break between converters of equal weight: the more restrictive first (a converter of the
        /// program's own before <c>string</c>, which takes any text).
        /// </summary>
        public static int Rank(string converter) => converter switch
        {
            "any" => 0,
            "uuid" => 1,
            "int" => 2,
            "float" => 3,
            "string" => 5,
            "path" => 6,
            _ => 4,
        };

        /// <summary>
        /// Orders two rules given as parts and the converter of each of their variables (in rule order): the rule
        /// a matcher tries first is the smaller.
        /// </summary>
        public static int CompareRules(IReadOnlyList<PartSpec> a, IReadOnlyList<ConverterKey> ka, IReadOnlyList<PartSpec> b, IReadOnlyList<ConverterKey> kb)
        {
            for (int i = 0; ; i++)
            {
                if (i == a.Count || i == b.Count)
                {
                    // A rule that ends here comes before the rules that go on from here.
                    return a.Count.CompareTo(b.Count);
                }
                var pa = a[i];
                var pb = b[i];
                int c = pa.IsStatic && pb.IsStatic ? string.CompareOrdinal(pa.Prefix, pb.Prefix)
                    : pa.IsStatic != pb.IsStatic ? (pa.IsStatic ? -1 : 1)
                    : CompareParts(pa, pa.Variables.Select(v => ka[v]).ToList(), pb, pb.Variables.Select(v => kb[v]).ToList());
                if (c != 0)
                {
                    return c;
                }
            }
        }

        /// <summary>
        /// Werkzeug's <c>Weighting</c> of two variable parts at the same place: more pieces of static text first,
        /// then longer pieces first (in order), then more variables first, then lighter converters first (in
        /// order). Where Werkzeug would fall back to registration order Flagon goes on, so the order is total: a
        /// part to the end of the path last, then the more restrictive converters first, then the converters'
        /// text, then the static text.
        /// </summary>
        public static int CompareParts(PartSpec a, IReadOnlyList<ConverterKey> ca, PartSpec b, IReadOnlyList<ConverterKey> cb)
        {
            var sa = RuleParts.StaticPieces(a).ToList();
            var sb = RuleParts.StaticPieces(b).ToList();
            int c = sb.Count.CompareTo(sa.Count);
            for (int i = 0; c == 0 && i < sa.Count; i++)
            {
                c = sb[i].Length.CompareTo(sa[i].Length);
            }
            if (c == 0) c = cb.Count.CompareTo(ca.Count);
            for (int i = 0; c == 0 && i < ca.Count; i++)
            {
                c = ca[i].Weight.CompareTo(cb[i].Weight);
            }
            if (c == 0) c = a.IsFinal.CompareTo(b.IsFinal);
            if (c == 0) c = a.IsSuffixed.CompareTo(b.IsSuffixed);
            for (int i = 0; c == 0 && i < ca.Count; i++)
            {
                c = ca[i].Rank.CompareTo(cb[i].Rank);
            }
            for (int i = 0; c == 0 && i < ca.Count; i++)
            {
                c = string.CompareOrdinal(ca[i].Display, cb[i].Display);
            }
            if (c == 0) c = string.CompareOrdinal(string.Join("\u0000", a.Texts), string.Join("\u0000", b.Texts));
            return c;
        }
    }
}
