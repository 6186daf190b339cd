using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Splits a parsed rule into the parts the matcher walks, as Werkzeug's <c>Rule._parse_rule</c> does: one
    /// part per text between slashes, any number of variables in a part, and, from the part that holds a
    /// <c>path</c> variable on, one final part to the end of the rule. Shared by the generator, the analyzers
    /// and the run-time rules, so a rule is split the same way wherever it is read.
    /// </summary>
    internal static class RuleParts
    {
        /// <summary>The parts of <paramref name="parsed"/> (a rule without error), after its leading slash.</summary>
        public static List<PartSpec> Split(ParsedRule parsed)
        {
            var parts = new List<PartSpec>();
            var texts = new List<string>();
            var variables = new List<int>();
            var text = new System.Text.StringBuilder();
            bool final = false;
            int variableIndex = 0;
            for (int p = 0; p < parsed.Parts.Count; p++)
            {
                var part = parsed.Parts[p];
                if (part.IsVariable)
                {
                    texts.Add(text.ToString());
                    text.Clear();
                    variables.Add(variableIndex++);
                    final |= part.Converter == "path";
                    continue;
                }
                string chunk = p == 0 ? part.Text.Substring(1) : part.Text;
                for (int i = 0; i < chunk.Length; i++)
                {
                    if (chunk[i] == '/' && !final)
                    {
                        texts.Add(text.ToString());
                        text.Clear();
                        parts.Add(new PartSpec(texts.ToEquatableArray(), variables.ToEquatableArray(), false));
                        texts.Clear();
                        variables.Clear();
                        continue;
                    }
                    text.Append(chunk[i]);
                }
            }

            // Werkzeug's suffixed part: a final part whose rule ends in a slash matches without it, the slash
            // being a static empty part of its own (so a path without it redirects to it, strict slashes).
            bool suffixed = final && text.Length > 0 && text[text.Length - 1] == '/';
            if (suffixed)
            {
                text.Length--;
            }
            texts.Add(text.ToString());
            parts.Add(new PartSpec(texts.ToEquatableArray(), variables.ToEquatableArray(), final, suffixed));
            if (suffixed)
            {
                parts.Add(PartSpec.Static(string.Empty));
            }
            return parts;
        }

        /// <summary>The static text of a part in the pieces Werkzeug weighs it by (its texts split at slashes, empty ones left out).</summary>
        public static IEnumerable<string> StaticPieces(PartSpec part) =>
            part.Texts.SelectMany(t => t.Split('/')).Where(t => t.Length > 0);
    }
}
