namespace Flagon.Http;

/// <summary>
/// A request body read through MAX_CONTENT_LENGTH: reading past the limit throws <see cref="BodyTooLargeException"/>
/// (a 413), whether the body declared its length or came chunked, so ASP.NET Core's form reader (which reads the body
/// itself) stops at the limit too.
/// </summary>
internal sealed class BodyLimitStream(Stream inner, long limit) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int bytes)
    {
        read += bytes;
        if (read > limit)
        {
            throw new BodyTooLargeException();
        }
        return bytes;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The request body went past MAX_CONTENT_LENGTH.</summary>
internal sealed class BodyTooLargeException() : Exception("The request body is larger than MAX_CONTENT_LENGTH.");
