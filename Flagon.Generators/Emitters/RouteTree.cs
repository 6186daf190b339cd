using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>A rule as the table compiles it: its index in the table and the view it calls.</summary>
    internal sealed class TableRule
    {
        public TableRule(RuleSpec rule, ViewSpec view)
        {
            Rule = rule;
            View = view;
        }

        /// <summary>The rule's place in the table: its match priority (set by <see cref="RouteTree.Number"/>).</summary>
        public int Index { get; set; } = -1;

        /// <summary>The rule's place among the rules of its view's class, views in model order (what an app part numbers its methods by).</summary>
        public int Local { get; set; } = -1;
        public RuleSpec Rule { get; }
        public ViewSpec View { get; }
    }

    /// <summary>
    /// Werkzeug's state machine, built at compile time: from each state, static transitions (one per literal part)
    /// are tried before dynamic ones (converters), which are ordered by weight; rules that end at a state are
    /// listed there. The emitter writes it out as nested C#.
    /// </summary>
    internal sealed class RouteTree
    {
        public SortedDictionary<string, RouteTree> Static { get; } = new SortedDictionary<string, RouteTree>(StringComparer.Ordinal);

        public List<KeyValuePair<PartSpec, RouteTree>> Dynamic { get; } = new List<KeyValuePair<PartSpec, RouteTree>>();

        public List<TableRule> Rules { get; } = new List<TableRule>();

        public static RouteTree Build(IEnumerable<TableRule> rules)
        {
            var root = new RouteTree();
            foreach (var rule in rules)
            {
                var node = root;
                foreach (var part in rule.Rule.Parts)
                {
                    node = part.IsStatic ? node.StaticChild(part.Prefix) : node.DynamicChild(part, rule.Rule.Variables[part.Variable].Converter);
                }
                node.Rules.Add(rule);
            }
            root.Sort();
            return root;
        }

        /// <summary>
        /// Numbers the rules in the order the matcher tries them (static before dynamic, depth first): that order
        /// is the table's, and what the routes listing shows as priority.
        /// </summary>
        public List<TableRule> Number()
        {
            var ordered = new List<TableRule>();
            Visit(this, ordered);
            for (int i = 0; i < ordered.Count; i++)
            {
                ordered[i].Index = i;
            }
            return ordered;

            static void Visit(RouteTree node, List<TableRule> into)
            {
                into.AddRange(node.Rules);
                foreach (var child in node.Static.Values)
                {
                    Visit(child, into);
                }
                foreach (var child in node.Dynamic)
                {
                    Visit(child.Value, into);
                }
            }
        }

        private RouteTree StaticChild(string text)
        {
            if (!Static.TryGetValue(text, out var child))
            {
                child = new RouteTree();
                Static.Add(text, child);
            }
            return child;
        }

        // Parts that differ only in the variable's name share a state, as in Werkzeug: values are positional.
        private RouteTree DynamicChild(PartSpec part, ConverterSpec converter)
        {
            var key = new PartSpec(part.Prefix, 0, part.Suffix, part.IsFinal);
            foreach (var entry in Dynamic)
            {
                if (entry.Key == key && Converters[entry.Value] == converter)
                {
                    return entry.Value;
                }
            }
            var child = new RouteTree();
            Converters[child] = converter;
            Dynamic.Add(new KeyValuePair<PartSpec, RouteTree>(key, child));
            return child;
        }

        private Dictionary<RouteTree, ConverterSpec> Converters { get; } = new Dictionary<RouteTree, ConverterSpec>();

        /// <summary>The converter on the transition into <paramref name="child"/>.</summary>
        public ConverterSpec ConverterOf(RouteTree child) => Converters[child];

        // Werkzeug's weights: parts with static text first (longer first), then lighter converters; Flagon
        // breaks the remaining ties by converter restrictiveness and text, so the order is total.
        private void Sort()
        {
            Dynamic.Sort((a, b) =>
            {
                var ca = Converters[a.Value];
                var cb = Converters[b.Value];
                int c = (a.Key.Prefix.Length + a.Key.Suffix.Length == 0).CompareTo(b.Key.Prefix.Length + b.Key.Suffix.Length == 0);
                if (c == 0) c = (b.Key.Prefix.Length + b.Key.Suffix.Length).CompareTo(a.Key.Prefix.Length + a.Key.Suffix.Length);
                if (c == 0) c = a.Key.IsFinal.CompareTo(b.Key.IsFinal);
                if (c == 0) c = ca.Weight.CompareTo(cb.Weight);
                if (c == 0) c = ca.Rank.CompareTo(cb.Rank);
                if (c == 0) c = string.CompareOrdinal(ca.Display, cb.Display);
                if (c == 0) c = string.CompareOrdinal(a.Key.Prefix + "\u0000" + a.Key.Suffix, b.Key.Prefix + "\u0000" + b.Key.Suffix);
                return c;
            });
            foreach (var child in Static.Values)
            {
                child.Sort();
            }
            foreach (var child in Dynamic)
            {
                child.Value.Sort();
            }
        }
    }
}
