using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// Writes <c>Match</c>: the route tree as nested C#. Each level looks at one path part (the text between two
    /// slashes): a <c>switch</c> over the literal parts first, then the converters in weight order. A level that
    /// finds nothing falls through to the next alternative of its parent, which is Werkzeug's backtracking.
    /// </summary>
    internal sealed class MatcherEmitter
    {
        private const string Converters = "global::Flagon.Routing.Converters";
        private readonly IndentedTextWriter w;
        private readonly IReadOnlyList<string> methodNames;

        // Large subtrees get a method of their own: one huge method would exceed what the JIT optimizes (it falls
        // back to unoptimized code past a size), and a method per first path part is easier to step into.
        private const int SubtreeMethodThreshold = 8;
        private readonly Queue<(RouteTree Node, int Depth, int Captured, string Name)> pending = new Queue<(RouteTree, int, int, string)>();
        private readonly HashSet<string> methodNamesUsed = new HashSet<string>();
        private string success = "return match;";

        public MatcherEmitter(IndentedTextWriter writer, IReadOnlyList<string> methodNames)
        {
            w = writer;
            this.methodNames = methodNames;
        }

        public void Emit(RouteTree root)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override global::Flagon.Routing.RouteMatch Match(global::System.ReadOnlySpan<char> path, string method, global::Flagon.Routing.RuleSet? excluded)");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine("var match = new global::Flagon.Routing.RouteMatch { Excluded = excluded };");
            w.WriteLine("ulong methodBit = MethodBit(method);");
            if (Size(root) > 0)
            {
                // (A table without rules, such as a blueprint with no views yet, reads no part: no unused local.)
                w.WriteLine("int s0 = 1; // the first part starts after the leading slash");
            }
            EmitNode(root, 0, 0, "root");
            w.WriteLine("return match.NotFound(); // a 405 if some rule took the path with another method");
            w.Indent--;
            w.WriteLine("}");
            success = "return true;";
            while (pending.Count > 0)
            {
                var (node, depth, captured, name) = pending.Dequeue();
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine($"// The rules under {name.Substring("Match".Length).Replace('_', '/')}; true when it decided the match (found, or a slash redirect).");
                w.WriteLine($"private static bool {name}(global::System.ReadOnlySpan<char> path, int s{depth}, ulong methodBit, ref global::Flagon.Routing.RouteMatch match)");
                w.WriteLine("{");
                w.Indent++;
                EmitNode(node, depth, captured, name);
                w.WriteLine("return false;");
                w.Indent--;
                w.WriteLine("}");
            }
            EmitPatterns();
            w.WriteLineNoTabs(string.Empty);
            EmitMethodBit();
        }

        private static int Size(RouteTree node) =>
            node.Rules.Count + node.Static.Values.Sum(Size) + node.Dynamic.Sum(d => Size(d.Value));

        // A child state: inline, or, when large, a call to a method of its own (emitted later).
        private void EmitChild(RouteTree child, int depth, int captured, string name)
        {
            if (Size(child) < SubtreeMethodThreshold)
            {
                EmitNode(child, depth, captured, name);
                return;
            }
            string method = name;
            for (int i = 2; !methodNamesUsed.Add(method); i++)
            {
                method = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            pending.Enqueue((child, depth, captured, method));
            w.WriteLine($"if ({method}(path, s{depth}, methodBit, ref match)) {success}");
        }

        private static string NamePart(string text)
        {
            var builder = new System.Text.StringBuilder();
            foreach (char c in text)
            {
                builder.Append(char.IsLetterOrDigit(c) && c < 128 ? c : '_');
            }
            return builder.Length == 0 ? "slash" : builder.ToString();
        }

        private void EmitMethodBit()
        {
            w.WriteLine("private static ulong MethodBit(string method) => method switch");
            w.WriteLine("{");
            w.Indent++;
            for (int i = 0; i < methodNames.Count; i++)
            {
                w.WriteLine($"{Literal(methodNames[i])} => 1UL << {i},");
            }
            w.WriteLine("_ => 0,");
            w.Indent--;
            w.WriteLine("};");
        }

        // The code for one state: s{depth} is where its part starts; past the end of the path there is no part.
        private void EmitNode(RouteTree node, int depth, int captured, string name)
        {
            bool endsHere = node.Rules.Count > 0
                || (node.Static.TryGetValue(string.Empty, out var slashed) && slashed.Rules.Any(r => r.Rule.TrailingSlash != TrailingSlashPolicy.Strict));
            bool goesOn = node.Static.Count > 0 || node.Dynamic.Count > 0 || node.Rules.Any(r => r.Rule.TrailingSlash == TrailingSlashPolicy.Accept);
            if (endsHere)
            {
                var checks = RulesEndingHere(node);
                if (checks.Count == 1 && !goesOn)
                {
                    // The path ends here and the one rule that ends here takes the method.
                    w.WriteLine($"if (s{depth} > path.Length && {checks[0].Condition}) {success} {checks[0].Comment}");
                    return;
                }
                w.WriteLine($"if (s{depth} > path.Length) // the path ends here");
                w.WriteLine("{");
                w.Indent++;
                foreach (var (condition, comment) in checks)
                {
                    w.WriteLine($"if ({condition}) {success} {comment}");
                }
                w.Indent--;
                w.WriteLine("}");
                if (!goesOn)
                {
                    return;
                }
                w.WriteLine("else");
            }
            else if (goesOn)
            {
                w.WriteLine($"if (s{depth} <= path.Length)");
            }
            else
            {
                return;
            }
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine($"int e{depth} = {Converters}.PartEnd(path, s{depth});");
            w.WriteLine($"var p{depth} = path[s{depth}..e{depth}];");
            w.WriteLine($"int s{depth + 1} = e{depth} + 1;");

            if (node.Static.Count > 0)
            {
                w.WriteLine($"switch (p{depth})");
                w.WriteLine("{");
                w.Indent++;
                foreach (var child in node.Static)
                {
                    w.WriteLine($"case {Literal(child.Key)}:");
                    w.Indent++;
                    EmitChild(child.Value, depth + 1, captured, name == "root" ? "Match_" + NamePart(child.Key) : name + "_" + NamePart(child.Key));
                    w.WriteLine("break;");
                    w.Indent--;
                }
                w.Indent--;
                w.WriteLine("}");
            }

            foreach (var entry in node.Dynamic)
            {
                EmitDynamic(node, entry.Key, entry.Value, depth, captured, name);
            }

            // Werkzeug's strict_slashes=False: a rule without trailing slash also matches with one.
            var accepting = node.Rules.Where(r => r.Rule.TrailingSlash == TrailingSlashPolicy.Accept).ToList();
            if (accepting.Count > 0)
            {
                w.WriteLine($"if (p{depth}.IsEmpty && s{depth + 1} > path.Length)");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("// a trailing slash the rules below accept (strict slashes off)");
                foreach (var (condition, comment) in accepting.Select(RuleCheck))
                {
                    w.WriteLine($"if ({condition}) {success} {comment}");
                }
                w.Indent--;
                w.WriteLine("}");
            }
            w.Indent--;
            w.WriteLine("}");
        }

        private void EmitDynamic(RouteTree parent, PartSpec part, RouteTree child, int depth, int captured, string name)
        {
            var converters = parent.ConvertersOf(child);
            // Locals (the text around a value, a trailing slash) get a block of their own.
            bool block = part.IsSuffixed || (!part.IsCompound && part.Prefix.Length + part.Suffix.Length > 0);
            string comment = $"// {Describe(part, converters)}";
            if (block || part.IsCompound)
            {
                w.WriteLine(comment);
            }
            if (block)
            {
                w.WriteLine("{");
                w.Indent++;
            }
            string source = part.IsFinal ? $"path[s{depth}..]" : $"p{depth}";
            string offset = $"s{depth}";
            if (part.IsSuffixed)
            {
                // Werkzeug's suffixed part: the rest of the path without one trailing slash, not ending in another.
                w.WriteLine($"var r{depth} = {source};");
                w.WriteLine($"bool slashed{depth} = global::System.MemoryExtensions.EndsWith(r{depth}, '/');");
                w.WriteLine($"var t{depth} = slashed{depth} ? r{depth}[..^1] : r{depth};");
                source = $"t{depth}";
            }
            var conditions = new List<string>();
            if (part.IsSuffixed)
            {
                conditions.Add($"!global::System.MemoryExtensions.EndsWith({source}, '/')");
            }
            if (part.IsCompound)
            {
                string pattern = PatternField(part, converters);
                conditions.Add($"{pattern}.Match({source}, {offset}, ref match.Values, {captured})");
                for (int i = 0; i < converters.Count; i++)
                {
                    conditions.Add(ConverterTest(converters[i], $"path[match.Values[{captured + i}]]"));
                }
                w.WriteLine($"if ({string.Join(" && ", conditions)})");
            }
            else
            {
                var converter = converters[0];
                int affix = part.Prefix.Length + part.Suffix.Length;
                string value = source;
                if (affix > 0)
                {
                    // The value between a literal prefix and suffix.
                    value = $"v{depth}_{captured}";
                    var around = new List<string> { $"{source}.Length > {affix}" };
                    if (part.Prefix.Length > 0)
                    {
                        around.Add($"global::System.MemoryExtensions.StartsWith({source}, {Literal(part.Prefix)})");
                    }
                    if (part.Suffix.Length > 0)
                    {
                        around.Add($"global::System.MemoryExtensions.EndsWith({source}, {Literal(part.Suffix)})");
                    }
                    w.WriteLine($"var {value} = {string.Join(" && ", around)} ? {source}[{part.Prefix.Length}..^{part.Suffix.Length}] : default;");
                }
                conditions.Add(ConverterTest(converter, value));
                w.WriteLine($"if ({string.Join(" && ", conditions)}){(block ? string.Empty : " " + comment)}");
            }
            w.WriteLine("{");
            w.Indent++;
            if (!part.IsCompound)
            {
                string end = part.IsFinal ? $"s{depth} + {source}.Length" : $"e{depth}";
                string from = part.Prefix.Length > 0 ? $"s{depth} + {part.Prefix.Length}" : $"s{depth}";
                string to = part.Suffix.Length > 0 ? $"{end} - {part.Suffix.Length}" : end;
                w.WriteLine($"match.Values[{captured}] = new global::System.Range({from}, {to});");
            }
            if (part.IsSuffixed)
            {
                // With the slash: the rules that end with it; without: those rules redirect (or accept) as usual.
                var slashedRules = child.Static.TryGetValue(string.Empty, out var withSlash) ? withSlash.Rules : new List<TableRule>();
                w.WriteLine($"if (slashed{depth})");
                w.WriteLine("{");
                w.Indent++;
                foreach (var (condition, ruleComment) in slashedRules.Select(RuleCheck))
                {
                    w.WriteLine($"if ({condition}) {success} {ruleComment}");
                }
                w.Indent--;
                w.WriteLine("}");
                w.WriteLine("else");
                w.WriteLine("{");
                w.Indent++;
                EmitRulesEndingHere(child);
                w.Indent--;
                w.WriteLine("}");
            }
            else if (part.IsFinal)
            {
                EmitRulesEndingHere(child);
            }
            else
            {
                string kinds = string.Join("_", converters.Select(c => NamePart(c.Kind.ToString().ToLowerInvariant())));
                string childName = (name == "root" ? "Match" : name) + "_" + kinds;
                EmitChild(child, depth + 1, captured + converters.Count, childName);
            }
            w.Indent--;
            w.WriteLine("}");
            if (block)
            {
                w.Indent--;
                w.WriteLine("}");
            }
        }

        // How a comment shows a part: "<int>-<int>", "<string> with \".json\" after", ", to the end of the path".
        private static string Describe(PartSpec part, EquatableArray<ConverterSpec> converters)
        {
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < part.Texts.Count; i++)
            {
                text.Append(part.Texts[i]);
                if (i < converters.Count)
                {
                    text.Append('<').Append(converters[i].Display).Append('>');
                }
            }
            if (part.IsSuffixed)
            {
                text.Append(" with or without a trailing slash");
            }
            if (part.IsFinal)
            {
                text.Append(", to the end of the path");
            }
            return text.ToString().Replace("\n", " ").Replace("\r", " ");
        }

        // A compound part's pattern: a static field per distinct part, built once.
        private string PatternField(PartSpec part, EquatableArray<ConverterSpec> converters)
        {
            string creation = PatternCreation(part, converters, converterFields.Field);
            if (!patterns.TryGetValue(creation, out var field))
            {
                field = $"Pattern{patterns.Count}";
                patterns.Add(creation, field);
                patternComments.Add(field, Describe(part, converters));
            }
            return field;
        }

        /// <summary>The expression that builds a compound part's <c>PartPattern</c>.</summary>
        internal static string PatternCreation(PartSpec part, EquatableArray<ConverterSpec> converters, System.Func<ConverterSpec, string> converterField)
        {
            var pieces = new List<string>();
            for (int i = 0; i < part.Texts.Count; i++)
            {
                if (part.Texts[i].Length > 0)
                {
                    pieces.Add($"{Piece}.Literal({Literal(part.Texts[i])})");
                }
                if (i < converters.Count)
                {
                    pieces.Add(PieceOf(converters[i], converterField));
                }
            }
            return $"new({string.Join(", ", pieces)})";
        }

        private const string Piece = "global::Flagon.Routing.PatternPiece";
        private readonly Dictionary<string, string> patterns = new Dictionary<string, string>();
        private readonly Dictionary<string, string> patternComments = new Dictionary<string, string>();

        private static string PieceOf(ConverterSpec c, System.Func<ConverterSpec, string> converterField) => c.Kind switch
        {
            ConverterKind.Custom => $"{Piece}.Custom({converterField(c)})",
            ConverterKind.String => $"{Piece}.String({c.MinLength}, {(c.MaxLength == int.MaxValue ? "int.MaxValue" : c.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture))})",
            ConverterKind.Path => $"{Piece}.Path()",
            ConverterKind.Int => $"{Piece}.Int({c.FixedDigits}, {Bool(c.Signed)})",
            ConverterKind.Float => $"{Piece}.Float({Bool(c.Signed)})",
            ConverterKind.Uuid => $"{Piece}.Uuid()",
            _ => $"{Piece}.Any({string.Join(", ", c.Choices.Select(Literal))})",
        };

        private readonly ConverterFields converterFields = new ConverterFields("Match");

        private void EmitPatterns()
        {
            converterFields.WriteTo(w);
            foreach (var entry in patterns)
            {
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine($"// {patternComments[entry.Value]}");
                w.WriteLine($"private static readonly global::Flagon.Routing.PartPattern {entry.Value} = {entry.Key};");
            }
        }

        private string ConverterTest(ConverterSpec c, string value) => c.Kind switch
        {
            ConverterKind.Custom => $"{converterFields.Field(c)}.TryParse({value}, out _)",
            ConverterKind.String => $"{Converters}.IsString({value}, {c.MinLength}, {(c.MaxLength == int.MaxValue ? "int.MaxValue" : c.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture))})",
            ConverterKind.Path => $"{Converters}.IsPath({value})",
            ConverterKind.Int => $"{Converters}.TryInt({value}, {c.FixedDigits}, {Bool(c.Signed)}, {c.Min}, {c.Max}, out _)",
            ConverterKind.Float => $"{Converters}.TryFloat({value}, {Bool(c.Signed)}, {c.Min}, {c.Max}, out _)",
            ConverterKind.Uuid => $"{Converters}.TryUuid({value}, out _)",
            _ => $"{value} is {string.Join(" or ", c.Choices.Select(Literal))}",
        };

        private void EmitRulesEndingHere(RouteTree node)
        {
            foreach (var (condition, comment) in RulesEndingHere(node))
            {
                w.WriteLine($"if ({condition}) {success} {comment}");
            }
        }

        // The checks of the rules that end at this state, each a condition (true: matched) and a comment.
        private List<(string Condition, string Comment)> RulesEndingHere(RouteTree node)
        {
            var checks = node.Rules.Select(RuleCheck).ToList();
            // The same path with a trailing slash: redirect there (Werkzeug's strict slashes) or accept it.
            if (node.Static.TryGetValue(string.Empty, out var slashed))
            {
                foreach (var rule in slashed.Rules.Where(r => r.Rule.TrailingSlash != TrailingSlashPolicy.Strict))
                {
                    bool redirect = rule.Rule.TrailingSlash == TrailingSlashPolicy.Redirect;
                    checks.Add(($"match.FoundWithoutSlash(methodBit, {Mask(rule, forMatch: true)}, {rule.Index}, redirect: {Bool(redirect)})",
                        $"// {rule.Rule.Pattern} -> {rule.Rule.Endpoint}, {(redirect ? "redirected to" : "accepted without")} its trailing slash"));
                }
            }
            return checks;
        }

        // A rule matches if the method fits; otherwise its methods are kept for a 405.
        private (string Condition, string Comment) RuleCheck(TableRule rule) =>
            ($"match.Found(methodBit, {Mask(rule, forMatch: true)}, {Mask(rule, forMatch: false)}, {rule.Index})",
             $"// {rule.Rule.Pattern} -> {rule.Rule.Endpoint} ({Names(rule, forMatch: true)})");

        /// <summary>The rule's methods as bits; for matching, an automatic OPTIONS is left out (the app answers it).</summary>
        private string Mask(TableRule rule, bool forMatch)
        {
            ulong mask = 0;
            foreach (var m in rule.Rule.Methods)
            {
                if (forMatch && m == "OPTIONS" && rule.Rule.AutomaticOptions)
                {
                    continue;
                }
                mask |= 1UL << IndexOf(m);
            }
            return "0x" + mask.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";
        }

        private static string Names(TableRule rule, bool forMatch) =>
            string.Join(", ", rule.Rule.Methods.Where(m => !(forMatch && m == "OPTIONS" && rule.Rule.AutomaticOptions)));

        private int IndexOf(string method)
        {
            for (int i = 0; i < methodNames.Count; i++)
            {
                if (methodNames[i] == method)
                {
                    return i;
                }
            }
            return -1;
        }

        private static string Bool(bool value) => value ? "true" : "false";

        internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
