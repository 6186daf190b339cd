using BenchmarkDotNet.Running;
using Flagon.Benchmarks;

// dotnet run -c Release -- --smoke        checks the benchmarks measure what they claim, runs each once
// dotnet run -c Release -- --filter '*'   runs them all (BenchmarkDotNet's options otherwise)
// Quick looks while changing the hot path (not measurements to quote): --loop (ns and bytes per Hello request),
// --template (ns and bytes per template render), --alloc (bytes per GitHub route and the types behind them), --spin (ns per GitHub-set request, for a profiler
// to attach to; with --server-features, over features held as Kestrel holds them).
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
if (args.Contains("--loop"))
{
    // A quick look while changing the hot path (not a measurement to quote): ns per call of the Hello benchmarks.
    var hello = new HelloBenchmarks();
    hello.Setup();
    foreach (var (name, run) in new (string, Func<Task<int>>)[] { ("FlagonHello", hello.FlagonHello), ("FlagonPipelineHello", hello.FlagonPipelineHello), ("AspNetHello", hello.AspNetHello) })
    {
        for (int round = 0; round < 3; round++)
        {
            const int n = 300_000;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                await run();
            }
            watch.Stop();
            Console.WriteLine($"{name,-22} {watch.Elapsed.TotalNanoseconds / n,8:F0} ns {(GC.GetAllocatedBytesForCurrentThread() - allocated) / n,6} B");
        }
    }
    hello.Cleanup();
    return 0;
}
if (args.Contains("--template"))
{
    // A quick look at the template render (not a measurement to quote): ns and bytes per render, Flagon and Fluid.
    var templates = new TemplateBenchmarks();
    templates.Setup();
    foreach (var (name, run) in new (string, Func<object>)[] { ("FlagonRenderTemplate", templates.FlagonRenderTemplate), ("FlagonRenderResponse", templates.FlagonRenderResponse), ("FluidDirect", templates.FluidDirect) })
    {
        for (int round = 0; round < 3; round++)
        {
            int n = int.Parse(Environment.GetEnvironmentVariable("FLAGON_RENDERS") ?? "300000", System.Globalization.CultureInfo.InvariantCulture);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                run();
            }
            watch.Stop();
            Console.WriteLine($"{name,-22} {watch.Elapsed.TotalNanoseconds / n,8:F0} ns {(GC.GetAllocatedBytesForCurrentThread() - allocated) / n,6} B");
        }
    }
    using (var sampler = new AllocationSampler())
    {
        // The types behind Flagon's bytes per render.
        Func<string> render = templates.FlagonRenderTemplate;
        for (int i = 0; i < 1_000_000; i++)
        {
            render();
        }
        var sampled = sampler.BytesByType.Values.Sum();
        foreach (var (type, bytes) in sampler.BytesByType.OrderByDescending(p => p.Value).Take(15))
        {
            Console.WriteLine($"{100.0 * bytes / sampled,5:F1} % {type}");
        }
    }
    templates.Cleanup();
    return 0;
}
if (args.Contains("--spin"))
{
    // Short rounds, the fastest and the median printed: on a noisy machine the minimum moves least between runs.
    var r = new RoutingBenchmarks();
    r.Setup();
    // --server-features: the requests' features held in fields, as Kestrel holds them (ServerShapedFeatures).
    Func<Task> request = args.Contains("--server-features") ? r.FlagonDelegateAllServerFeatures : r.FlagonDelegateAll;
    var rounds = new List<double>();
    for (int round = 0; round < 15; round++)
    {
        var until = DateTime.UtcNow.AddSeconds(1);
        int n = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (DateTime.UtcNow < until)
        {
            await request();
            n++;
        }
        rounds.Add(watch.Elapsed.TotalNanoseconds / (n * 203.0));
    }
    rounds = [.. rounds.Skip(3).Order()];
    Console.WriteLine($"ns per request: min {rounds[0]:F0}, median {rounds[rounds.Count / 2]:F0}");
    return 0;
}
if (args.Contains("--alloc"))
{
    // Where the bytes of the GitHub-set delegate go: each route's request, the largest first.
    using (var helloSampler = new AllocationSampler())
    {
        var hello = new HelloBenchmarks();
        hello.Setup();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++)
        {
            await hello.FlagonHello();
        }
        Console.WriteLine($"FlagonHello: {(GC.GetAllocatedBytesForCurrentThread() - before) / 1_000_000} B per request");
        var sampledHello = helloSampler.BytesByType.Values.Sum();
        foreach (var (type, sampled) in helloSampler.BytesByType.OrderByDescending(p => p.Value).Take(8))
        {
            Console.WriteLine($"{100.0 * sampled / sampledHello,5:F1} % {type}");
        }
        hello.Cleanup();
    }
    var routing = new RoutingBenchmarks();
    routing.Setup();
    var perRoute = await routing.FlagonDelegateBytesPerRouteAsync();
    Console.WriteLine($"{perRoute.Sum(r => r.Bytes)} B over {perRoute.Count} requests");
    foreach (var group in perRoute.GroupBy(r => r.Bytes).OrderByDescending(g => g.Key))
    {
        Console.WriteLine($"{group.Key,6} B x{group.Count(),-4} e.g. {group.First().Route}");
    }
    // The types behind those bytes, sampled over many more requests.
    using var sampler = new AllocationSampler();
    for (int i = 0; i < 20_000; i++)
    {
        await routing.FlagonDelegateAll();
    }
    var total = sampler.BytesByType.Values.Sum();
    foreach (var (type, sampled) in sampler.BytesByType.OrderByDescending(p => p.Value).Take(15))
    {
        Console.WriteLine($"{100.0 * sampled / total,5:F1} % {type}");
    }
    routing.Cleanup();
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(RoutingBenchmarks).Assembly).Run(args);
return 0;
