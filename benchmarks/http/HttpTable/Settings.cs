namespace Flagon.HttpBenchmarks;

/// <summary>What one run of the script measures.</summary>
public sealed record Settings
{
    /// <summary>The repository's <c>benchmarks/http</c> folder.</summary>
    public required string Root { get; init; }

    /// <summary>The frameworks, in the table's order.</summary>
    public required IReadOnlyList<Framework> Frameworks { get; init; }

    /// <summary>The load tests.</summary>
    public required IReadOnlyList<LoadTest> Tests { get; init; }

    /// <summary>The URLs (paths), in the table's row order.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>ab's <c>-n</c>.</summary>
    public int Requests { get; init; } = 2000;

    /// <summary>wrk's <c>-d</c>, in seconds.</summary>
    public int Duration { get; init; } = 3;

    /// <summary>Rounds per cell for the .NET servers (each server in turn, the order rotating); the Python servers are measured once.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Seconds of wrk per URL before a .NET server is measured (the JIT's tiers settle).</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>The loopback port every server takes in turn.</summary>
    public int Port { get; init; }

    /// <summary>Worker processes for gunicorn and Tornado: the machine's cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Where the SVG chart goes; none when null.</summary>
    public string? ChartPath { get; init; }

    /// <summary>Where a copy of the table goes (Markdown); none when null.</summary>
    public string? TablePath { get; init; }

    /// <summary>
    /// The CPUs the servers run on (<c>taskset</c>), or null for all; ab and wrk get the others, so the load generator
    /// and the server do not take each other's cores (on 2 cores: the server on CPU 0, the tools on CPU 1).
    /// </summary>
    public string? ServerCpus { get; init; }

    /// <summary>The CPUs ab and wrk run on, or null for all.</summary>
    public string? ToolCpus { get; init; }

    /// <summary>Skip building the .NET servers.</summary>
    public bool NoBuild { get; init; }
}
