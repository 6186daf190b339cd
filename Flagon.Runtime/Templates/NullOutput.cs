using Fluid;

namespace Flagon.Templates;

/// <summary>A template output that keeps nothing: a child template read for its blocks, a file read for its macros.</summary>
internal sealed class NullOutput : IFluidOutput
{
    public static readonly NullOutput Instance = new();

    private NullOutput()
    {
    }

    public void Write(string value)
    {
    }

    public void Write(char[] buffer, int index, int count)
    {
    }

    public ValueTask FlushAsync() => default;

    // Written into and dropped: one scratch buffer per thread, grown to the largest request.
    [ThreadStatic]
    private static char[]? scratch;

    public void Advance(int count)
    {
    }

    public Memory<char> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<char> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private static char[] Scratch(int sizeHint)
    {
        int size = Math.Max(sizeHint, 256);
        if (scratch is null || scratch.Length < size)
        {
            scratch = new char[size];
        }
        return scratch;
    }
}
