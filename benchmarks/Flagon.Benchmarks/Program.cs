using BenchmarkDotNet.Running;
using Flagon.Benchmarks;

// dotnet run -c Release -- --smoke        checks the benchmarks measure what they claim, runs each once
// dotnet run -c Release -- --filter '*'   runs them all (BenchmarkDotNet's options otherwise)
if (args.Contains("--smoke"))
{
    var problems = await Smoke.RunAsync();
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }
    Console.WriteLine(problems.Count == 0 ? "smoke: ok" : $"smoke: {problems.Count} problems");
    return problems.Count == 0 ? 0 : 1;
}
BenchmarkSwitcher.FromAssembly(typeof(RoutingBenchmarks).Assembly).Run(args);
return 0;
