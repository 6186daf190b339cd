using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Flagon.Benchmarks;

/// <summary>
/// A response body shaped like a server's (Kestrel's is a pipe that the server sends and completes after the
/// request): a pipe writer that drops what it is given, so the benchmarks measure the framework and not a stream.
/// </summary>
internal sealed class DiscardingBody : IHttpResponseBodyFeature
{
    private readonly DiscardingWriter writer = new();

    public Stream Stream => Stream.Null;

    public PipeWriter Writer => writer;

    public Task CompleteAsync() => Task.CompletedTask;

    public void DisableBuffering()
    {
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private sealed class DiscardingWriter : PipeWriter
    {
        private readonly byte[] buffer = new byte[16 * 1024];

        public override void Advance(int bytes)
        {
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => new(new FlushResult(false, false));

        public override Memory<byte> GetMemory(int sizeHint = 0) => sizeHint <= buffer.Length ? buffer : new byte[sizeHint];

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
