namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The routing benchmarks are only timed by hand (benchmarks/run.sh); this checks on every run that they still
/// measure what they claim: all 203 GitHub routes match their own endpoint in Flagon's generated table and in
/// ASP.NET Core's routing, and every benchmark method runs.
/// </summary>
public class BenchmarkSmokeTests
{
    [Fact]
    public async Task Every_benchmark_measures_what_it_claims()
    {
        var problems = await Flagon.Benchmarks.Smoke.RunAsync();

        Assert.Empty(problems);
    }
}
