using System.Buffers;
using System.Text;
using Fluid;

namespace Flagon.Templates;

/// <summary>
/// A template output that gathers the page's characters in a buffer and encodes them to UTF-8 a buffer at a time,
/// into byte storage kept for the next render: a page rendered into a response is allocated once, as its bytes (half
/// the size of a string of it, and what the response sends as it is). A surrogate pair split between two buffers is
/// encoded whole.
/// </summary>
internal sealed class Utf8Output : IPageOutput
{
    private const int ChunkSize = 4096;

    private readonly ArrayBufferWriter<byte> bytes = new(1024);
    private readonly Encoder encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    // Characters written and not yet encoded. This output belongs to one render at a time, so memory that GetMemory
    // hands out and a caller holds across an await stays its own.
    private char[] chars = new char[ChunkSize];
    private int count;

    /// <summary>How many bytes the storage holds room for.</summary>
    public int Capacity => bytes.Capacity;

    public void Write(string value) => Write(value.AsSpan());

    public void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public void Advance(int count) => this.count += count;

    public Memory<char> GetMemory(int sizeHint = 0) => chars.AsMemory(Room(sizeHint));

    public Span<char> GetSpan(int sizeHint = 0) => chars.AsSpan(Room(sizeHint));

    public ValueTask FlushAsync() => default;

    /// <summary>The page's bytes, in an array of their own.</summary>
    public byte[] ToArray()
    {
        Encode(flush: true);
        return bytes.WrittenSpan.ToArray();
    }

    /// <inheritdoc/>
    public void Reset()
    {
        count = 0;
        bytes.ResetWrittenCount();
        encoder.Reset();
    }

    private void Write(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            if (count == chars.Length)
            {
                Encode(flush: false);
            }
            int taken = Math.Min(text.Length, chars.Length - count);
            text[..taken].CopyTo(chars.AsSpan(count));
            count += taken;
            text = text[taken..];
        }
    }

    // Where the caller may write at least sizeHint characters (at least one): after what is already there.
    private int Room(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (chars.Length - count < sizeHint)
        {
            Encode(flush: false);
            if (chars.Length < sizeHint)
            {
                chars = new char[sizeHint];
            }
        }
        return count;
    }

    private void Encode(bool flush)
    {
        var pending = chars.AsSpan(0, count);
        bool completed;
        do
        {
            // At most 3 bytes per char, and 4 for a pair held over from the last buffer: room for all of it at once.
            var room = bytes.GetSpan(pending.Length * 3 + 4);
            encoder.Convert(pending, room, flush, out int used, out int written, out completed);
            bytes.Advance(written);
            pending = pending[used..];
        }
        while (!completed || pending.Length > 0);
        count = 0;
    }
}
