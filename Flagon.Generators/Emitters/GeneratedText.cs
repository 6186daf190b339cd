using System;
using System.CodeDom.Compiler;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// An indented writer for one generated file whose text becomes a <see cref="SourceText"/> read straight from the
    /// builder's chunks. A route table of many views runs to hundreds of kilobytes: as one string it would be copied
    /// once more and land on the large object heap, and the full garbage collections that brings were most of the
    /// generator's time in a build of 1,000 views.
    /// </summary>
    internal sealed class GeneratedText : IDisposable
    {
        private readonly StringBuilder builder;
        private readonly StringWriter text;

        public GeneratedText()
        {
            builder = new StringBuilder();
            text = new StringWriter(builder);
            Writer = new IndentedTextWriter(text, "    ");
        }

        /// <summary>The writer the emitters write to.</summary>
        public IndentedTextWriter Writer { get; }

        /// <summary>The text written so far, UTF-8 (generated sources need an encoding), chunked when large.</summary>
        public SourceText ToSourceText()
        {
            Writer.Flush();
            return SourceText.From(new BuilderReader(builder), builder.Length, Encoding.UTF8);
        }

        public void Dispose() => Writer.Dispose();

        // Reads a StringBuilder in place: SourceText.From copies large text into small chunks of its own.
        private sealed class BuilderReader : TextReader
        {
            private readonly StringBuilder builder;
            private int position;

            public BuilderReader(StringBuilder builder) => this.builder = builder;

            public override int Peek() => position < builder.Length ? builder[position] : -1;

            public override int Read() => position < builder.Length ? builder[position++] : -1;

            public override int Read(char[] buffer, int index, int count)
            {
                int n = Math.Min(count, builder.Length - position);
                if (n <= 0)
                {
                    return 0;
                }
                builder.CopyTo(position, buffer, index, n);
                position += n;
                return n;
            }
        }
    }
}
