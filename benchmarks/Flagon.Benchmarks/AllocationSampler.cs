using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Flagon.Benchmarks;

/// <summary>
/// Counts the runtime's allocation samples (an AllocationTick event about every 100 KB allocated, naming the type
/// that crossed the mark) in this process: over many requests, the types that take the bytes. For the
/// <c>--alloc</c> look, not a measurement.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    public ConcurrentDictionary<string, long> BytesByType { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.Payload is { } payload && e.PayloadNames is { } names)
        {
            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")]);
            BytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
        }
    }
}
