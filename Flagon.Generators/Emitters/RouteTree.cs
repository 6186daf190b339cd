using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Helpers;
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
                    node = part.IsStatic ? node.StaticChild(part.Prefix)
                        : node.DynamicChild(part, part.Variables.Select(v => rule.Rule.Variables[v].Converter).ToEquatableArray());
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

        // Parts that differ only in the variables' names share a state, as in Werkzeug: values are positional.
        private RouteTree DynamicChild(PartSpec part, EquatableArray<ConverterSpec> converters)
        {
            var key = part.Positional();
            foreach (var entry in Dynamic)
            {
                if (entry.Key == key && Converters[entry.Value] == converters)
                {
                    return entry.Value;
                }
            }
            var child = new RouteTree();
            Converters[child] = converters;
            Keys[child] = converters.Select(c => c.Key).ToList();
            Dynamic.Add(new KeyValuePair<PartSpec, RouteTree>(key, child));
            return child;
        }

        private Dictionary<RouteTree, EquatableArray<ConverterSpec>> Converters { get; } = new Dictionary<RouteTree, EquatableArray<ConverterSpec>>();

        // What the order needs of each dynamic child's converters, read once per child rather than at every comparison.
        private Dictionary<RouteTree, List<Shared.ConverterKey>> Keys { get; } = new Dictionary<RouteTree, List<Shared.ConverterKey>>();

        /// <summary>The converters on the transition into <paramref name="child"/>, one per variable of its part.</summary>
        public EquatableArray<ConverterSpec> ConvertersOf(RouteTree child) => Converters[child];

        private void Sort()
        {
            // Rules of the same path: one that names HEAD itself answers HEAD before a GET rule's implied HEAD.
            if (Rules.Count > 1 && Rules.Any(r => r.Rule.ExplicitHead))
            {
                var ordered = Rules.OrderBy(r => r.Rule.ExplicitHead ? 0 : 1).ToList();
                Rules.Clear();
                Rules.AddRange(ordered);
            }
            if (Dynamic.Count > 1)
            {
                Dynamic.Sort((a, b) => Shared.RuleOrder.CompareParts(a.Key, Keys[a.Value], b.Key, Keys[b.Value]));
            }
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
