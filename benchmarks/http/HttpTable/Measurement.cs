using System.Globalization;
using System.Text.RegularExpressions;

namespace Flagon.HttpBenchmarks;

/// <summary>What one ab or wrk run against one server and URL gave.</summary>
/// <param name="RequestsPerSecond">ab's "Requests per second", wrk's "Requests/sec".</param>
/// <param name="MsPerRequest">ab's "Time per request" (mean), wrk's mean latency, in milliseconds.</param>
/// <param name="Completed">The responses received.</param>
/// <param name="Failed">ab's failed requests and non-2xx responses; wrk's socket errors and non-2xx/3xx responses.</param>
/// <param name="Note">What failed, when something did (wrk's socket error kinds, a tool that could not run).</param>
public sealed partial record Measurement(double RequestsPerSecond, double MsPerRequest, long Completed, long Failed, string? Note)
{
    /// <summary>Reads ab's report.</summary>
    public static Measurement FromAb(int exitCode, string output, int requested)
    {
        var rps = Number(AbRps(), output);
        if (exitCode != 0 || rps is null)
        {
            return new(0, 0, (long)(Number(AbComplete(), output) ?? 0), requested, "ab: " + LastLine(output));
        }
        long failed = (long)(Number(AbFailed(), output) ?? 0) + (long)(Number(AbNon2xx(), output) ?? 0);
        long completed = (long)(Number(AbComplete(), output) ?? 0);
        if (failed >= completed)
        {
            // ab counts a request that failed at once (connection refused, reset) as done, at a rate that means nothing.
            return new(0, 0, completed, failed, Detail(AbFailedKinds(), output) is { } kinds ? "all failed " + kinds : "all failed");
        }
        return new(rps.Value, Number(AbTime(), output) ?? 0, completed, failed, failed > 0 ? Detail(AbFailedKinds(), output) : null);
    }

    /// <summary>Reads wrk's report.</summary>
    public static Measurement FromWrk(int exitCode, string output)
    {
        var rps = Number(WrkRps(), output);
        if (exitCode != 0 || rps is null)
        {
            return new(0, 0, 0, 1, "wrk: " + LastLine(output));
        }
        long socketErrors = 0;
        string? note = null;
        if (WrkSocketErrors().Match(output) is { Success: true } errors)
        {
            socketErrors = Enumerable.Range(1, 4).Sum(i => long.Parse(errors.Groups[i].Value, CultureInfo.InvariantCulture));
            note = $"connect {errors.Groups[1].Value}, read {errors.Groups[2].Value}, write {errors.Groups[3].Value}, timeout {errors.Groups[4].Value}";
        }
        long non2xx = (long)(Number(WrkNon2xx(), output) ?? 0);
        if (non2xx > 0)
        {
            note = (note is null ? string.Empty : note + "; ") + $"{non2xx} non-2xx/3xx";
        }
        var latency = WrkLatency().Match(output);
        double ms = latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) * latency.Groups[2].Value switch
        {
            "us" => 0.001,
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            _ => double.NaN,
        } : 0;
        return new(rps.Value, ms, (long)(Number(WrkRequests(), output) ?? 0), socketErrors + non2xx, note);
    }

    private static double? Number(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string? Detail(Regex pattern, string output) => pattern.Match(output) is { Success: true } match ? match.Groups[1].Value.Trim() : null;

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    [GeneratedRegex(@"Requests per second:\s+([\d.]+)")]
    private static partial Regex AbRps();

    [GeneratedRegex(@"Time per request:\s+([\d.]+) \[ms\] \(mean\)")]
    private static partial Regex AbTime();

    [GeneratedRegex(@"Complete requests:\s+(\d+)")]
    private static partial Regex AbComplete();

    [GeneratedRegex(@"Failed requests:\s+(\d+)")]
    private static partial Regex AbFailed();

    [GeneratedRegex(@"Failed requests:\s+\d+\s*\n\s*(\(.*\))")]
    private static partial Regex AbFailedKinds();

    [GeneratedRegex(@"Non-2xx responses:\s+(\d+)")]
    private static partial Regex AbNon2xx();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRps();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex WrkRequests();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex WrkSocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex WrkNon2xx();

    [GeneratedRegex(@"Latency\s+([\d.]+)(us|ms|s|m)\b")]
    private static partial Regex WrkLatency();
}
