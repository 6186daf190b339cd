using System.Collections.Generic;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// The instances of the program's own converters that one generated class calls: a static readonly field per
    /// converter class and constructor arguments, made once, called directly (the class is known, so no virtual
    /// dispatch through an interface).
    /// </summary>
    internal sealed class ConverterFields
    {
        private readonly Dictionary<string, string> fields = new Dictionary<string, string>();
        private readonly List<string> declarations = new List<string>();
        private readonly string prefix;

        /// <param name="prefix">The fields' name prefix, distinct per emitter writing into one class.</param>
        public ConverterFields(string prefix) => this.prefix = prefix;

        /// <summary>The field holding <paramref name="converter"/>'s instance (declared on first use).</summary>
        public string Field(ConverterSpec converter)
        {
            var use = converter.Custom!;
            string creation = $"new {use.TypeName}({use.Creation})";
            if (!fields.TryGetValue(creation, out var field))
            {
                field = $"{prefix}Converter{fields.Count}";
                fields.Add(creation, field);
                declarations.Add($"private static readonly {use.TypeName} {field} = {creation}; // <{converter.Display}>");
            }
            return field;
        }

        /// <summary>The fields' declarations, in order of first use.</summary>
        public IReadOnlyList<string> Declarations => declarations;

        /// <summary>Writes the declarations, each after an empty line.</summary>
        public void WriteTo(System.CodeDom.Compiler.IndentedTextWriter w)
        {
            foreach (var declaration in declarations)
            {
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine(declaration);
            }
        }
    }
}
