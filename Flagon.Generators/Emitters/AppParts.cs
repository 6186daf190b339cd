using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// How the app's route table is split into files: a shared file (rules, matcher, dispatch) and one part per view
    /// class (its invoke methods and URL builders in a nested class, and its typed UrlFor methods). Both sides name
    /// things with these functions, from the model alone, so each part is written from its own views.
    /// </summary>
    internal static class AppParts
    {
        /// <summary>The views the app's table compiles (views it cannot call are left out, as in every table).</summary>
        public static IEnumerable<ViewSpec> Compiled(IEnumerable<ViewSpec> views) =>
            views.Where(v => v.Blueprint.Length == 0 && v.ReturnKind != ReturnKind.Unsupported);

        /// <summary>The nested class holding a view class's generated methods: its full name, with '.' as '_' (and '_' doubled).</summary>
        public static string ClassName(string typeName) =>
            Plain(typeName).Replace("_", "__").Replace('.', '_') + "_Routes";

        /// <summary>The file of a part.</summary>
        public static string HintName(string typeName) => $"Flagon.AppRouteTable.{Plain(typeName)}.g.cs";

        // The type's name without "global::" or the '@' of an escaped keyword (class @class).
        private static string Plain(string typeName) => typeName.Replace("global::", string.Empty).Replace("@", string.Empty);

        /// <summary>
        /// The rules of a class's views, numbered (<see cref="TableRule.Local"/>) in the order of its invoke methods:
        /// views in model order, each rule in declaration order.
        /// </summary>
        public static List<TableRule> Rules(IEnumerable<ViewSpec> classViews)
        {
            var rules = classViews.SelectMany(v => v.Rules.Select(r => new TableRule(r, v))).ToList();
            for (int i = 0; i < rules.Count; i++)
            {
                rules[i].Local = i;
            }
            return rules;
        }

        /// <summary>The parts of the app's table, each with the endpoints it builds (those whose first view, in model order, is its).</summary>
        public static IEnumerable<AppPartSpec> Plan(IEnumerable<ViewSpec> views)
        {
            var compiled = Compiled(views).ToList();
            var methodNames = UrlForEmitter.MethodNames(compiled.SelectMany(v => v.Rules).Select(r => r.Endpoint));
            var owners = new Dictionary<string, string>();
            foreach (var view in compiled)
            {
                foreach (var rule in view.Rules)
                {
                    if (!owners.ContainsKey(rule.Endpoint))
                    {
                        owners.Add(rule.Endpoint, view.ContainingType);
                    }
                }
            }
            foreach (var group in compiled.GroupBy(v => v.ContainingType))
            {
                var endpoints = owners.Where(o => o.Value == group.Key).Select(o => o.Key).OrderBy(e => e, System.StringComparer.Ordinal)
                    .Select(e => new EndpointMethodSpec(e, methodNames[e]));
                yield return new AppPartSpec(group.Key, group.ToEquatableArray(), endpoints.ToEquatableArray());
            }
        }
    }
}
