using System.Linq;
using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>
    /// One part of a rule between slashes, Werkzeug's <c>RulePart</c>: static text and variables alternating,
    /// <paramref name="Texts"/>[0], variable <paramref name="Variables"/>[0], <paramref name="Texts"/>[1], … so
    /// there is always one more text than variables (a text may be empty). A static part is one text and no
    /// variable; <c>&lt;name&gt;.json</c> is "", name, ".json"; <c>&lt;int:year&gt;-&lt;int:month&gt;</c> is
    /// "", year, "-", month, "". A final part (one holding a <c>path</c> variable) takes the rest of the path,
    /// slashes included, so its texts may hold slashes and everything after the <c>path</c> variable belongs
    /// to it. A suffixed final part is one whose rule ended in a slash: the slash is left out of the part and
    /// is the static empty part that follows it, so the path without it is redirected as for any other rule.
    /// </summary>
    internal sealed record PartSpec(EquatableArray<string> Texts, EquatableArray<int> Variables, bool IsFinal, bool IsSuffixed = false)
    {
        /// <summary>A part of static text only.</summary>
        public static PartSpec Static(string text) => new PartSpec(new[] { text }.ToEquatableArray(), EquatableArray<int>.Empty, false);

        public bool IsStatic => Variables.Count == 0;

        /// <summary>The static text before the first variable (all of it for a static part).</summary>
        public string Prefix => Texts[0];

        /// <summary>The static text after the last variable.</summary>
        public string Suffix => Texts[Texts.Count - 1];

        /// <summary>The part's only variable, or -1 (a static part, or one with several variables).</summary>
        public int Variable => Variables.Count == 1 ? Variables[0] : -1;

        /// <summary>
        /// Whether the part is matched by a pattern rather than by one converter between a prefix and a suffix:
        /// several variables (<c>&lt;int:year&gt;-&lt;int:month&gt;</c>), or a <c>path</c> variable followed by
        /// other variables.
        /// </summary>
        public bool IsCompound => Variables.Count > 1;

        /// <summary>The same part with its variables numbered from 0: parts that differ only in names share a state.</summary>
        public PartSpec Positional() => this with { Variables = Enumerable.Range(0, Variables.Count).ToEquatableArray() };
    }
}
