using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Analyzers
{
    /// <summary>
    /// The <c>url_for("endpoint", name=value, …)</c> calls of a template's text, read as the template engine would
    /// (Jinja's <c>name=value</c> and Liquid's <c>name: value</c>), with where each part is, for diagnostics.
    /// </summary>
    internal static class TemplateUrlForCalls
    {
        private static readonly Regex Start = new Regex(@"url_for\(\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.Compiled);

        /// <summary>One argument after the endpoint: its name, and its value when it is a literal (string, or number as long or double).</summary>
        internal sealed class Argument
        {
            public Argument(string name, Optional<object?> literal, TextSpan valueSpan)
            {
                Name = name;
                Literal = literal;
                ValueSpan = valueSpan;
            }

            public string Name { get; }
            public Optional<object?> Literal { get; }
            public TextSpan ValueSpan { get; }
        }

        /// <summary>One call: its endpoint and where it is; its arguments, or null when they could not be read.</summary>
        internal sealed class Call
        {
            public Call(string endpoint, TextSpan endpointSpan, IReadOnlyList<Argument>? arguments)
            {
                Endpoint = endpoint;
                EndpointSpan = endpointSpan;
                Arguments = arguments;
            }

            public string Endpoint { get; }
            public TextSpan EndpointSpan { get; }
            public IReadOnlyList<Argument>? Arguments { get; }
        }

        public static IEnumerable<Call> In(string text)
        {
            foreach (Match match in Start.Matches(text))
            {
                var group = match.Groups[1].Success ? match.Groups[1] : match.Groups[2];
                yield return new Call(group.Value, new TextSpan(group.Index, group.Length), Arguments(text, match.Index + match.Length));
            }
        }

        // The arguments from just after the endpoint literal to the closing parenthesis; null when the text does not
        // read as `, name=value` pairs (an expression the analyzer does not follow).
        private static List<Argument>? Arguments(string text, int position)
        {
            var arguments = new List<Argument>();
            int i = SkipSpaces(text, position);
            while (i < text.Length && text[i] == ',')
            {
                i = SkipSpaces(text, i + 1);
                int nameStart = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                string name = text.Substring(nameStart, i - nameStart);
                i = SkipSpaces(text, i);
                if (name.Length == 0 || i >= text.Length || (text[i] != '=' && text[i] != ':'))
                {
                    return null;
                }
                i = SkipSpaces(text, i + 1);
                int valueStart = i;
                Optional<object?> literal = default;
                if (i < text.Length && (text[i] == '"' || text[i] == '\''))
                {
                    int close = text.IndexOf(text[i], i + 1);
                    if (close < 0)
                    {
                        return null;
                    }
                    literal = text.Substring(i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    while (i < text.Length && text[i] != ',' && text[i] != ')' && text[i] != '"' && text[i] != '\'')
                    {
                        i++;
                    }
                    var value = text.Substring(valueStart, i - valueStart).TrimEnd();
                    if (value.Length == 0)
                    {
                        return null;
                    }
                    arguments.Add(new Argument(name, Number(value), new TextSpan(valueStart, value.Length)));
                    i = SkipSpaces(text, i);
                    continue;
                }
                arguments.Add(new Argument(name, literal, new TextSpan(valueStart, i - valueStart)));
                i = SkipSpaces(text, i);
            }
            return i < text.Length && text[i] == ')' ? arguments : null;
        }

        // A number literal's value (long or double); nothing for an expression, whose value is not known here.
        private static Optional<object?> Number(string value) =>
            long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer) ? integer
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number
            : default(Optional<object?>);

        private static int SkipSpaces(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            return i;
        }
    }
}
