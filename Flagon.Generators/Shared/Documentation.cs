using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// A method's XML doc comment, read for the command line's help: its summary and its parameters' text, each on one
    /// line. Empty when the project does not parse doc comments (GenerateDocumentationFile off) or the XML is broken.
    /// </summary>
    internal sealed class Documentation
    {
        private readonly XElement? root;

        private Documentation(XElement? root) => this.root = root;

        public static Documentation Of(IMethodSymbol method)
        {
            var xml = method.GetDocumentationCommentXml();
            if (string.IsNullOrWhiteSpace(xml))
            {
                return new Documentation(null);
            }
            try
            {
                return new Documentation(XElement.Parse(xml));
            }
            catch (System.Xml.XmlException)
            {
                return new Documentation(null);
            }
        }

        /// <summary>The summary, or null.</summary>
        public string? Summary => Text(root?.Element("summary"));

        /// <summary>The text of <c>&lt;param name="name"&gt;</c>, or null.</summary>
        public string? Parameter(string name) =>
            Text(root?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

        private static string? Text(XElement? element)
        {
            if (element is null)
            {
                return null;
            }
            // <see cref="T:X.Y"/> and <paramref name="p"/> read as their names; whitespace folds to single spaces.
            var text = string.Concat(element.Nodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement e when e.Attribute("cref") is { } cref => cref.Value.Substring(cref.Value.IndexOf(':') + 1).Split('.').Last(),
                XElement e when e.Attribute("name") is { } name => name.Value,
                XElement e => e.Value,
                _ => string.Empty,
            }));
            var folded = string.Join(" ", text.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
            return folded.Length == 0 ? null : folded;
        }
    }
}
