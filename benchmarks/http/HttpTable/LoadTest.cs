namespace Flagon.HttpBenchmarks;

/// <summary>One load generator run, as the seed ran <c>ab</c>, plus <c>wrk</c> with more connections.</summary>
/// <param name="Key">Its name on the command line.</param>
/// <param name="Title">Its heading in the table.</param>
/// <param name="Tool"><c>ab</c> or <c>wrk</c>.</param>
/// <param name="Concurrency">Requests (ab) or connections (wrk) at once.</param>
public sealed record LoadTest(string Key, string Title, string Tool, int Concurrency)
{
    /// <summary>The four runs, in the order they are made.</summary>
    public static IReadOnlyList<LoadTest> All { get; } =
    [
        new("ab1", "ab -c 1 (the seed's \"without concurrency\")", "ab", 1),
        new("ab100", "ab -c 100 (the seed's \"with concurrency\")", "ab", 100),
        new("wrk100", "wrk -t2 -c100 (keep-alive)", "wrk", 100),
        new("wrk1000", "wrk -t2 -c1000 (keep-alive)", "wrk", 1000),
    ];

    /// <summary>The arguments of the tool for <paramref name="url"/>.</summary>
    public IReadOnlyList<string> Arguments(string url, Settings settings) => Tool == "ab"
        // -r: keep going on socket errors (they are counted), as the seed's servers that dropped requests were.
        ? ["-q", "-r", "-c", Concurrency.ToString(), "-n", Math.Max(settings.Requests, Concurrency).ToString(), url]
        : ["-t2", $"-c{Concurrency}", $"-d{settings.Duration}s", "--latency", url];
}
