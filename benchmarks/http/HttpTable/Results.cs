namespace Flagon.HttpBenchmarks;

/// <summary>Every measurement of one run of the script, by framework, URL and load test (one per round).</summary>
public sealed class Results
{
    private readonly Dictionary<(string Framework, string Path, string Test), List<Measurement>> measurements = [];

    /// <summary>Body checks that failed.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Frameworks that were asked for but could not run, with the reason.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Records one run.</summary>
    public void Add(Framework framework, string path, LoadTest test, Measurement measurement)
    {
        var key = (framework.Key, path, test.Key);
        if (!measurements.TryGetValue(key, out var list))
        {
            measurements[key] = list = [];
        }
        list.Add(measurement);
    }

    /// <summary>The runs of one cell, in round order; empty when it was not measured.</summary>
    public IReadOnlyList<Measurement> Of(Framework framework, string path, LoadTest test) =>
        measurements.TryGetValue((framework.Key, path, test.Key), out var list) ? list : [];

    /// <summary>The mean requests per second of one cell, or null.</summary>
    public double? MeanRps(Framework framework, string path, LoadTest test) =>
        Of(framework, path, test) is { Count: > 0 } runs ? runs.Average(m => m.RequestsPerSecond) : null;
}
