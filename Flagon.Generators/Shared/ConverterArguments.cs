using System.Collections.Generic;

namespace Flagon.Generators.Shared
{
    /// <summary>One converter argument: <c>min=1</c> (named) or <c>1</c> (positional).</summary>
    internal sealed class ConverterArgument
    {
        public ConverterArgument(string? name, string value, bool quoted)
        {
            Name = name;
            Value = value;
            Quoted = quoted;
        }

        public string? Name { get; }
        public string Value { get; }
        public bool Quoted { get; }
    }

    /// <summary>
    /// Parses converter arguments the way Werkzeug does: Python-like literals (numbers, True/False, bare words,
    /// quoted strings), positional or <c>name=value</c>, separated by commas.
    /// </summary>
    internal static class ConverterArguments
    {
        public static List<ConverterArgument>? Parse(string text, out string? error)
        {
            error = null;
            var result = new List<ConverterArgument>();
            if (text.Trim().Length == 0)
            {
                return result;
            }
            int i = 0;
            while (i < text.Length)
            {
                SkipSpaces(text, ref i);
                string? name = null;
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                int afterWord = i;
                SkipSpaces(text, ref i);
                if (i < text.Length && text[i] == '=' && afterWord > start)
                {
                    name = text.Substring(start, afterWord - start);
                    i++;
                    SkipSpaces(text, ref i);
                }
                else
                {
                    i = start;
                }

                string value;
                bool quoted = false;
                if (i < text.Length && (text[i] == '"' || text[i] == '\''))
                {
                    char quote = text[i];
                    int close = text.IndexOf(quote, i + 1);
                    if (close < 0)
                    {
                        error = "unterminated string in converter arguments";
                        return null;
                    }
                    value = text.Substring(i + 1, close - i - 1);
                    quoted = true;
                    i = close + 1;
                }
                else
                {
                    int valueStart = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' || text[i] == '-' || text[i] == '+'))
                    {
                        i++;
                    }
                    value = text.Substring(valueStart, i - valueStart);
                    if (value.Length == 0)
                    {
                        error = $"expected a value at '{text.Substring(valueStart)}'";
                        return null;
                    }
                }
                result.Add(new ConverterArgument(name, value, quoted));
                SkipSpaces(text, ref i);
                if (i < text.Length)
                {
                    if (text[i] != ',')
                    {
                        error = $"expected ',' at '{text.Substring(i)}'";
                        return null;
                    }
                    i++;
                }
            }
            return result;
        }

        private static void SkipSpaces(string text, ref int i)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }
    }
}
