using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// An indented writer (tab-indented) for one generated file, whose text is kept in small fixed-size blocks and
    /// handed to the compiler as they are. A route table of many views runs to hundreds of kilobytes: built as one
    /// string it would be copied twice more (StringBuilder, then the compiler's own chunked copy) and land on the
    /// large object heap, and the garbage collections that brings were most of the generator's time in a build of
    /// 1,000 views.
    /// </summary>
    internal sealed class GeneratedText : IDisposable
    {
        private readonly BlockWriter text = new BlockWriter();

        public GeneratedText() => Writer = new IndentedTextWriter(text, "\t");

        /// <summary>The writer the emitters write to.</summary>
        public IndentedTextWriter Writer { get; }

        /// <summary>The text written so far, as the compiler's source text of the file (UTF-8).</summary>
        public SourceText ToSourceText()
        {
            Writer.Flush();
            return new BlockText(text.Blocks, text.Length);
        }

        public void Dispose() => Writer.Dispose();

        // Below the large object heap's threshold (85,000 bytes), as the compiler's own chunked text is.
        private const int BlockSize = 4096;

        private sealed class BlockWriter : TextWriter
        {
            public List<char[]> Blocks { get; } = new List<char[]>();

            public int Length { get; private set; }

            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value)
            {
                int offset = Length % BlockSize;
                if (offset == 0)
                {
                    Blocks.Add(new char[BlockSize]);
                }
                Blocks[Blocks.Count - 1][offset] = value;
                Length++;
            }

            public override void Write(string? value)
            {
                if (value is not null)
                {
                    Append(value, null, 0, value.Length);
                }
            }

            public override void Write(char[] buffer, int index, int count) => Append(null, buffer, index, count);

            private void Append(string? text, char[]? chars, int index, int count)
            {
                while (count > 0)
                {
                    int offset = Length % BlockSize;
                    if (offset == 0)
                    {
                        Blocks.Add(new char[BlockSize]);
                    }
                    int n = Math.Min(count, BlockSize - offset);
                    var block = Blocks[Blocks.Count - 1];
                    if (text is not null)
                    {
                        text.CopyTo(index, block, offset, n);
                    }
                    else
                    {
                        Array.Copy(chars!, index, block, offset, n);
                    }
                    index += n;
                    count -= n;
                    Length += n;
                }
            }
        }

        // A read-only view of the blocks: the compiler reads source text through CopyTo and the indexer only.
        private sealed class BlockText : SourceText
        {
            private readonly List<char[]> blocks;

            public BlockText(List<char[]> blocks, int length)
            {
                this.blocks = blocks;
                Length = length;
            }

            public override Encoding Encoding => Encoding.UTF8;

            public override int Length { get; }

            public override char this[int position] =>
                (uint)position < (uint)Length ? blocks[position / BlockSize][position % BlockSize] : throw new IndexOutOfRangeException();

            public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
            {
                if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count)
                {
                    throw new ArgumentOutOfRangeException(nameof(sourceIndex));
                }
                while (count > 0)
                {
                    int offset = sourceIndex % BlockSize;
                    int n = Math.Min(count, BlockSize - offset);
                    Array.Copy(blocks[sourceIndex / BlockSize], offset, destination, destinationIndex, n);
                    sourceIndex += n;
                    destinationIndex += n;
                    count -= n;
                }
            }
        }
    }
}
