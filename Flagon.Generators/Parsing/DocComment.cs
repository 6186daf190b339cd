using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Parsing
{
    /// <summary>
    /// A method's XML doc comment as plain text: its summary, remarks and parameters. Read from the compiler when the
    /// project generates documentation, else from the <c>///</c> lines themselves (which the compiler keeps as plain
    /// comments then), so that a project without <c>GenerateDocumentationFile</c> gets its summaries too.
    /// </summary>
    internal sealed class DocComment
    {
        private DocComment(string? summary, string? remarks, IReadOnlyList<KeyValuePair<string, string>> parameters)
        {
            Summary = summary;
            Remarks = remarks;
            Parameters = parameters;
        }

        public string? Summary { get; }
        public string? Remarks { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

        public static DocComment? Read(IMethodSymbol method, CancellationToken cancellationToken)
        {
            string xml = method.GetDocumentationCommentXml(cancellationToken: cancellationToken) ?? string.Empty;
            if (xml.Length == 0)
            {
                xml = FromTrivia(method, cancellationToken);
            }
            if (xml.Length == 0)
            {
                return null;
            }
            XElement root;
            try
            {
                root = XElement.Parse(xml.TrimStart().StartsWith("<member", System.StringComparison.Ordinal) ? xml : "<doc>" + xml + "</doc>", LoadOptions.PreserveWhitespace);
            }
            catch (System.Xml.XmlException)
            {
                return null; // malformed XML: the compiler warns about it (CS1570); no summary is better than a wrong one
            }
            var parameters = root.Elements("param")
                .Select(p => new KeyValuePair<string, string>((string?)p.Attribute("name") ?? string.Empty, Text(p)))
                .Where(p => p.Key.Length > 0 && p.Value.Length > 0)
                .ToList();
            string? summary = root.Element("summary") is { } s ? NullIfEmpty(Text(s)) : null;
            string? remarks = root.Element("remarks") is { } r ? NullIfEmpty(Text(r)) : null;
            return summary is null && remarks is null && parameters.Count == 0 ? null : new DocComment(summary, remarks, parameters);
        }

        private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

        // The text of the /// lines before the method's declaration, without their slashes.
        private static string FromTrivia(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var reference = method.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference is null)
            {
                return string.Empty;
            }
            var lines = new StringBuilder();
            foreach (var trivia in reference.GetSyntax(cancellationToken).GetLeadingTrivia())
            {
                foreach (var line in trivia.ToFullString().Split('\n'))
                {
                    var text = line.TrimStart();
                    if (text.StartsWith("///", System.StringComparison.Ordinal))
                    {
                        lines.Append(text.Substring(3)).Append('\n');
                    }
                }
            }
            return lines.ToString();
        }

        /// <summary>An element's text: <c>&lt;see cref="X"/&gt;</c> as X's name, <c>&lt;paramref name="p"/&gt;</c> as p, whitespace collapsed.</summary>
        private static string Text(XElement element)
        {
            var text = new StringBuilder();
            Append(element, text);
            return Regex.Replace(text.ToString(), @"\s+", " ").Trim();
        }

        private static void Append(XElement element, StringBuilder text)
        {
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText t:
                        text.Append(t.Value);
                        break;
                    case XElement e when e.Name.LocalName is "see" or "seealso" && !e.Nodes().Any():
                        string reference = (string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? (string?)e.Attribute("href") ?? string.Empty;
                        // "T:MyApp.Page" or "MyApp.Page.Title": the last name; a member's parameter list dropped.
                        reference = reference.Split('(')[0];
                        text.Append(reference.Substring(reference.LastIndexOfAny(new[] { ':', '.' }) + 1));
                        break;
                    case XElement e when e.Name.LocalName is "paramref" or "typeparamref":
                        text.Append((string?)e.Attribute("name"));
                        break;
                    case XElement e when e.Name.LocalName == "para":
                        text.Append(' ');
                        Append(e, text);
                        text.Append(' ');
                        break;
                    case XElement e:
                        Append(e, text);
                        break;
                }
            }
        }
    }
}
