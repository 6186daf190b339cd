using System.Collections.Generic;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Parses a URL rule in Werkzeug's syntax (<c>/page/&lt;int(min=1):pk&gt;</c>) into parts, and reports the
    /// first error with its span inside the rule text so that a diagnostic can underline exactly it.
    /// Shared by the generator and the analyzers (compiled into both).
    /// </summary>
    internal static class RuleParser
    {
        /// <summary>The converters Werkzeug ships; the default one is <c>string</c>.</summary>
        public static readonly string[] KnownConverters = { "string", "default", "int", "float", "path", "uuid", "any" };

        /// <summary>
        /// Takes every converter name for one: for rules the generator has already checked (a compiled rule's text,
        /// which may name the program's own converters).
        /// </summary>
        public static readonly System.Func<string, bool> AnyConverter = static _ => true;

        /// <summary>Parses <paramref name="rule"/>; a converter name it does not know is an error unless <paramref name="isConverter"/> says it is one (the program's own).</summary>
        public static ParsedRule Parse(string rule, System.Func<string, bool>? isConverter = null)
        {
            var parts = new List<RulePart>();
            if (rule.Length == 0 || rule[0] != '/')
            {
                return ParsedRule.Failed(rule, new RuleError(RuleErrorKind.MissingLeadingSlash, 0, rule.Length == 0 ? 0 : 1, rule));
            }

            var names = new HashSet<string>();
            int i = 0;
            int staticStart = 0;
            while (i < rule.Length)
            {
                char c = rule[i];
                if (c == '>')
                {
                    return ParsedRule.Failed(rule, new RuleError(RuleErrorKind.Syntax, i, 1, "'>' without a matching '<'"));
                }
                if (c != '<')
                {
                    i++;
                    continue;
                }

                if (i > staticStart)
                {
                    parts.Add(RulePart.Static(rule.Substring(staticStart, i - staticStart), staticStart));
                }

                int close = rule.IndexOf('>', i);
                int nextOpen = rule.IndexOf('<', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                {
                    return ParsedRule.Failed(rule, new RuleError(RuleErrorKind.Syntax, i, (nextOpen >= 0 ? nextOpen : rule.Length) - i, "'<' without a matching '>'"));
                }

                var error = ParseVariable(rule, i, close, isConverter, out var variable);
                if (error != null)
                {
                    return ParsedRule.Failed(rule, error);
                }
                if (!names.Add(variable!.Text))
                {
                    return ParsedRule.Failed(rule, new RuleError(RuleErrorKind.DuplicateVariable, i, close + 1 - i, variable.Text));
                }
                parts.Add(variable!);
                i = close + 1;
                staticStart = i;
            }

            if (rule.Length > staticStart)
            {
                parts.Add(RulePart.Static(rule.Substring(staticStart), staticStart));
            }
            return new ParsedRule(rule, parts, null);
        }

        // Parses "<converter(args):name>" or "<name>" between the angle brackets at open and close.
        private static RuleError? ParseVariable(string rule, int open, int close, System.Func<string, bool>? isConverter, out RulePart? variable)
        {
            variable = null;
            int start = open + 1;
            string inner = rule.Substring(start, close - start);
            string converter = string.Empty;
            string arguments = string.Empty;
            string name = inner;
            int nameStart = start;

            int colon = FindColonOutsideParens(inner);
            if (colon >= 0)
            {
                string head = inner.Substring(0, colon);
                name = inner.Substring(colon + 1);
                nameStart = start + colon + 1;
                int paren = head.IndexOf('(');
                if (paren >= 0)
                {
                    if (!head.EndsWith(")", System.StringComparison.Ordinal))
                    {
                        return new RuleError(RuleErrorKind.Syntax, start + paren, head.Length - paren, "converter arguments must be closed with ')'");
                    }
                    converter = head.Substring(0, paren);
                    arguments = head.Substring(paren + 1, head.Length - paren - 2);
                }
                else
                {
                    converter = head;
                }
                if (!IsIdentifier(converter))
                {
                    return new RuleError(RuleErrorKind.Syntax, start, converter.Length == 0 ? 1 : converter.Length, "a converter name must be an identifier");
                }
                if (System.Array.IndexOf(KnownConverters, converter) < 0 && !(isConverter?.Invoke(converter) ?? false))
                {
                    return new RuleError(RuleErrorKind.UnknownConverter, start, converter.Length, converter);
                }
            }

            if (!IsIdentifier(name))
            {
                return new RuleError(RuleErrorKind.Syntax, nameStart, name.Length == 0 ? 1 : name.Length, "a variable name must be an identifier");
            }

            // An empty converter means "not given": the binder infers it from the parameter's type.
            variable = RulePart.Variable(name, converter == "default" ? "string" : converter, arguments, open, close + 1 - open);
            return null;
        }

        private static int FindColonOutsideParens(string text)
        {
            int depth = 0;
            for (int i = 0; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '(': depth++; break;
                    case ')': depth--; break;
                    case ':' when depth == 0: return i;
                }
            }
            return -1;
        }

        private static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            {
                return false;
            }
            foreach (char c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_') || c > 127)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
