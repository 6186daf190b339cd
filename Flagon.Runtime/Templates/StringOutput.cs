using System.Text;
using Fluid;

namespace Flagon.Templates;

/// <summary>A template output into a <see cref="StringBuilder"/>: a macro's or a <c>super()</c> block's text, a page rendered to a string.</summary>
internal sealed class StringOutput(StringBuilder builder) : IPageOutput
{
    public StringOutput()
        : this(new StringBuilder())
    {
    }

    /// <summary>What was written.</summary>
    public StringBuilder Builder { get; } = builder;

    /// <inheritdoc/>
    public int Capacity => Builder.Capacity;

    /// <inheritdoc/>
    public void Reset() => Builder.Clear();

    public void Write(string value) => Builder.Append(value);

    public void Write(char[] buffer, int index, int count) => Builder.Append(buffer, index, count);

    public ValueTask FlushAsync() => default;

    // What GetSpan hands out is this thread's scratch buffer (a span cannot outlive the synchronous code that writes it
    // and advances); GetMemory, which may be held across an await, gets a buffer of this output's own.
    [ThreadStatic]
    private static char[]? scratch;

    private char[]? memory;
    private bool spanHandedOut;

    public void Advance(int count)
    {
        if (count > 0)
        {
            Builder.Append(spanHandedOut ? scratch! : memory!, 0, count);
        }
    }

    public Memory<char> GetMemory(int sizeHint = 0)
    {
        spanHandedOut = false;
        return Grown(ref memory, sizeHint);
    }

    public Span<char> GetSpan(int sizeHint = 0)
    {
        spanHandedOut = true;
        return Grown(ref scratch, sizeHint);
    }

    private static char[] Grown(ref char[]? buffer, int sizeHint)
    {
        int size = Math.Max(sizeHint, 256);
        if (buffer is null || buffer.Length < size)
        {
            buffer = new char[size];
        }
        return buffer;
    }

    public override string ToString() => Builder.ToString();
}
