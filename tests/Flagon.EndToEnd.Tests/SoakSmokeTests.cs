using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The load and soak script (benchmarks/load/soak.sh) runs for 5 minutes by hand; this runs it for a few seconds on
/// every test run: it publishes and seeds the real-world sample, loads its pages at -c100 and -c1000 with wrk, and
/// reports requests, socket errors, unexpected statuses and memory; its exit code says whether all went well.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public partial class SoakSmokeTests
{
    [Fact]
    public async Task A_short_soak_answers_every_request_across_the_pages_and_reports_the_memory()
    {
        await SystemPackages.RequireAsync("wrk");

        var log = await DotnetCommand.RunProgramAsync("bash", Repository.Root, TimeSpan.FromMinutes(6), "benchmarks/load/soak.sh", "--duration", "6");

        var phases = Phase().Matches(log);
        Assert.Equal(["100", "1000"], phases.Select(p => p.Groups["c"].Value));
        Assert.All(phases, p =>
        {
            Assert.True(long.Parse(p.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture) > 100, p.Value);
            Assert.Equal(("0", "0"), (p.Groups["errors"].Value, p.Groups["unexpected"].Value));
        });
        Assert.Matches(@"memory \(VmRSS, MB\): start \d+, middle \d+, end \d+", log);
    }

    [GeneratedRegex(@"c=(?<c>\d+): (?<requests>\d+) requests, [\d.]+ requests/s, socket errors (?<errors>\d+), non-2xx/3xx \d+ \(404s expected: about \d+\), unexpected (?<unexpected>\d+)")]
    private static partial Regex Phase();
}
