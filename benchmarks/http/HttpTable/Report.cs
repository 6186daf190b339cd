using System.Globalization;
using System.Text;

namespace Flagon.HttpBenchmarks;

/// <summary>The seed's table (slides 60, 61 and 63): per load test, rows per URL, columns per framework.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The frameworks the ratios are taken against, when they were measured.</summary>
    private static readonly string[] Baselines = ["minimal", "kestrel", "flask"];

    /// <summary>The row heading of a URL.</summary>
    public static string Row(string path) => path switch
    {
        "/" => "`/` (13 bytes)",
        "/environ" => "`/environ` (2,900 bytes)",
        "/template" => "`/template` (191 bytes)",
        _ => $"`{path}`",
    };

    /// <summary>The whole report, Markdown.</summary>
    public static string Markdown(Settings settings, Results results, TimeSpan elapsed)
    {
        var frameworks = settings.Frameworks.Where(f => settings.Paths.Any(p => settings.Tests.Any(t => results.Of(f, p, t).Count > 0))).ToList();
        var flagon = frameworks.FirstOrDefault(f => f.Key == "flagon");
        var baselines = flagon is null ? [] : frameworks.Where(f => Baselines.Contains(f.Key)).ToList();
        var text = new StringBuilder();
        text.AppendLine($"HTTP benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, loopback; "
            + $"ab -n {settings.Requests}, wrk -d {settings.Duration}s; .NET servers: running side by side, measured in turn, {settings.Rounds} round(s) per cell in a rotating order "
            + $"after {settings.Warmup} s of warm-up per URL (a cell is their mean; ratios: of the means, then each round's); Python servers: one at a time, once, {settings.Workers} workers; "
            + (settings.ServerCpus is null ? "servers and tools on every CPU" : $"servers on CPU {settings.ServerCpus}, ab and wrk on CPU {settings.ToolCpus}")
            + $"; {elapsed.TotalSeconds:0} s in all.");
        text.AppendLine();
        foreach (var test in settings.Tests)
        {
            text.AppendLine($"### {test.Title}");
            text.AppendLine();
            text.AppendLine("Requests per second (higher is better):");
            text.AppendLine();
            Header(text, frameworks, baselines.Select(b => $"Flagon ÷ {b.Name}"));
            foreach (var path in settings.Paths)
            {
                var cells = frameworks.Select(f => results.MeanRps(f, path, test) is { } rps ? rps.ToString("N0", Invariant) : "–");
                var ratios = baselines.Select(b => Ratio(results, flagon!, b, path, test));
                Line(text, Row(path), cells.Concat(ratios));
            }
            text.AppendLine();
            text.AppendLine("Time per request, ms (ab: mean per request at that concurrency; wrk: mean latency):");
            text.AppendLine();
            Header(text, frameworks, []);
            foreach (var path in settings.Paths)
            {
                Line(text, Row(path), frameworks.Select(f => results.Of(f, path, test) is { Count: > 0 } runs
                    ? runs.Average(m => m.MsPerRequest).ToString("0.000", Invariant) : "–"));
            }
            text.AppendLine();
            text.AppendLine("Failed requests (ab: failed and non-2xx; wrk: socket errors and non-2xx/3xx), all rounds:");
            text.AppendLine();
            Header(text, frameworks, []);
            var notes = new List<string>();
            foreach (var path in settings.Paths)
            {
                Line(text, Row(path), frameworks.Select(f =>
                {
                    var runs = results.Of(f, path, test);
                    if (runs.Count == 0)
                    {
                        return "–";
                    }
                    long failed = runs.Sum(m => m.Failed);
                    foreach (var note in runs.Select(m => m.Note).Where(n => n is not null).Distinct())
                    {
                        notes.Add($"{f.Name} `{path}`: {note}");
                    }
                    return $"{failed:N0} of {runs.Sum(m => m.Completed + (m.Completed == 0 ? m.Failed : 0)):N0}";
                }));
            }
            text.AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine($"- {note}");
            }
            if (notes.Count > 0)
            {
                text.AppendLine();
            }
        }
        if (flagon is not null)
        {
            Targets(text, settings, results, flagon, frameworks);
        }
        foreach (var skipped in results.Skipped)
        {
            text.AppendLine($"Not measured: {skipped}");
        }
        foreach (var problem in results.Problems)
        {
            text.AppendLine($"BODY CHECK FAILED: {problem}");
        }
        return text.ToString();
    }

    // The issue's targets: Flagon >= 1.0x Minimal APIs and >= 0.95x raw Kestrel on each URL and load; 0 failed.
    private static void Targets(StringBuilder text, Settings settings, Results results, Framework flagon, List<Framework> frameworks)
    {
        var minimal = frameworks.FirstOrDefault(f => f.Key == "minimal");
        var kestrel = frameworks.FirstOrDefault(f => f.Key == "kestrel");
        text.AppendLine("### Targets: Flagon ≥ 1.0× Minimal APIs, ≥ 0.95× raw Kestrel, 0 failed");
        text.AppendLine();
        text.AppendLine("| load | URL | ÷ Minimal APIs | ÷ raw Kestrel | failed |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var test in settings.Tests)
        {
            foreach (var path in settings.Paths)
            {
                string Check(Framework? baseline, double target)
                {
                    if (baseline is null || results.MeanRps(flagon, path, test) is not { } f || results.MeanRps(baseline, path, test) is not { } b || b == 0)
                    {
                        return "–";
                    }
                    double ratio = f / b;
                    return $"{ratio.ToString("0.00", Invariant)} {(ratio >= target ? "met" : "MISSED")}";
                }
                long failed = results.Of(flagon, path, test).Sum(m => m.Failed);
                text.AppendLine($"| {test.Key} | `{path}` | {Check(minimal, 1.0)} | {Check(kestrel, 0.95)} | {failed}{(failed == 0 ? string.Empty : " MISSED")} |");
            }
        }
        text.AppendLine();
    }

    private static string Ratio(Results results, Framework flagon, Framework baseline, string path, LoadTest test)
    {
        var mine = results.Of(flagon, path, test);
        var theirs = results.Of(baseline, path, test);
        if (mine.Count == 0 || theirs.Count == 0 || theirs.Average(m => m.RequestsPerSecond) == 0)
        {
            return "–";
        }
        double ratio = mine.Average(m => m.RequestsPerSecond) / theirs.Average(m => m.RequestsPerSecond);
        var text = ratio.ToString("0.00", Invariant);
        if (mine.Count > 1 && theirs.Count == mine.Count)
        {
            // Side by side in each round, as measured.
            var rounds = mine.Zip(theirs, (m, t) => t.RequestsPerSecond == 0 ? "–" : (m.RequestsPerSecond / t.RequestsPerSecond).ToString("0.00", Invariant));
            text += $" ({string.Join(", ", rounds)})";
        }
        return text;
    }

    private static void Header(StringBuilder text, List<Framework> frameworks, IEnumerable<string> extra)
    {
        var names = frameworks.Select(f => f.Name).Concat(extra).ToList();
        text.AppendLine($"| URL | {string.Join(" | ", names)} |");
        text.AppendLine($"| --- |{string.Concat(names.Select(_ => " ---: |"))}");
    }

    private static void Line(StringBuilder text, string row, IEnumerable<string> cells) =>
        text.AppendLine($"| {row} | {string.Join(" | ", cells)} |");
}
