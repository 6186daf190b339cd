using System.Collections.Generic;

namespace Flagon.Generators.Shared
{
    /// <summary>The kinds of rule error, each with its own diagnostic.</summary>
    internal enum RuleErrorKind
    {
        MissingLeadingSlash,
        Syntax,
        UnknownConverter,
        DuplicateVariable,
    }

    /// <summary>An error inside a rule: what, and where (offset and length in the rule text).</summary>
    internal sealed class RuleError
    {
        public RuleError(RuleErrorKind kind, int start, int length, string detail)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Detail = detail;
        }

        public RuleErrorKind Kind { get; }
        public int Start { get; }
        public int Length { get; }
        public string Detail { get; }
    }

    /// <summary>A piece of a rule: static text, or a variable with its converter.</summary>
    internal sealed class RulePart
    {
        private RulePart(bool isVariable, string text, string converter, string arguments, int start, int length)
        {
            IsVariable = isVariable;
            Text = text;
            Converter = converter;
            Arguments = arguments;
            Start = start;
            Length = length;
        }

        public bool IsVariable { get; }

        /// <summary>The static text, or the variable's name.</summary>
        public string Text { get; }
        /// <summary>The converter's name; empty when the rule gives none (inferred from the parameter type).</summary>
        public string Converter { get; }
        public string Arguments { get; }
        public int Start { get; }
        public int Length { get; }

        public static RulePart Static(string text, int start) => new RulePart(false, text, string.Empty, string.Empty, start, text.Length);

        public static RulePart Variable(string name, string converter, string arguments, int start, int length) =>
            new RulePart(true, name, converter, arguments, start, length);
    }

    /// <summary>A rule split into parts, or the first error found in it.</summary>
    internal sealed class ParsedRule
    {
        public ParsedRule(string text, IReadOnlyList<RulePart> parts, RuleError? error)
        {
            Text = text;
            Parts = parts;
            Error = error;
        }

        public string Text { get; }
        public IReadOnlyList<RulePart> Parts { get; }
        public RuleError? Error { get; }
        public bool IsStatic => Error == null && Parts.Count == 1 && !Parts[0].IsVariable;

        public static ParsedRule Failed(string text, RuleError error) => new ParsedRule(text, new RulePart[0], error);
    }
}
