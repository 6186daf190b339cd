using System;
using System.CodeDom.Compiler;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// Writes a block of generated code given as a template (a raw string literal whose lines are indented with four
    /// spaces per level), at the writer's current indentation: fixed stretches of code read as the code they write,
    /// instead of as one <c>WriteLine</c> per line.
    /// </summary>
    internal static class TextBlocks
    {
        /// <summary>Writes each line of <paramref name="block"/>, its leading four-space levels as the writer's indentation.</summary>
        public static void WriteBlock(this IndentedTextWriter w, string block)
        {
            foreach (var raw in block.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.Length == 0)
                {
                    w.WriteLineNoTabs(string.Empty);
                    continue;
                }
                int spaces = 0;
                while (spaces < line.Length && line[spaces] == ' ')
                {
                    spaces++;
                }
                int levels = spaces / 4;
                w.Indent += levels;
                w.WriteLine(line.Substring(levels * 4));
                w.Indent -= levels;
            }
        }
    }
}
