// The seed's benchmark table (slides 59-64) over real HTTP on 127.0.0.1: Flagon, raw Kestrel and Minimal APIs, then
// Flask, Bottle, Django, Pyramid and Tornado, measured with ab and wrk. Run it through benchmarks/http/run.sh.
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Flagon.HttpBenchmarks;

var frameworksOption = new Option<string>("--frameworks")
{
    Description = "Comma-separated: " + string.Join(",", Framework.All.Select(f => f.Key)) + " (default: all; Python ones whose modules are missing are skipped and said so)",
};
var testsOption = new Option<string>("--tests") { Description = "Comma-separated: " + string.Join(",", LoadTest.All.Select(t => t.Key)) + " (default: all)" };
var pathsOption = new Option<string>("--paths") { Description = "Comma-separated URLs (default: /,/environ,/template)" };
var requestsOption = new Option<int>("--requests") { Description = "ab -n", DefaultValueFactory = _ => 2000 };
var durationOption = new Option<int>("--duration") { Description = "wrk -d, seconds", DefaultValueFactory = _ => 3 };
var roundsOption = new Option<int>("--rounds") { Description = "Interleaved rounds of the .NET servers", DefaultValueFactory = _ => 3 };
var warmupOption = new Option<int>("--warmup") { Description = "Seconds of wrk per URL before a .NET server is measured", DefaultValueFactory = _ => 2 };
var chartOption = new Option<string?>("--chart") { Description = "Where the SVG chart goes (default: docs/http-benchmark.svg of the repository; 'none' for none)" };
var tableOption = new Option<string?>("--table") { Description = "Also write the table (Markdown) to this file" };
var smokeOption = new Option<bool>("--smoke") { Description = "Tiny numbers, .NET servers only unless --frameworks says otherwise, no chart unless --chart: checks that the script works" };
var noBuildOption = new Option<bool>("--no-build") { Description = "Use the .NET servers already built in Release" };
var noPinOption = new Option<bool>("--no-pin") { Description = "Let servers and load tools share every CPU (by default, with 2 or more, the servers get the first half and ab/wrk the rest)" };
var root = new RootCommand("The seed's HTTP benchmark table: starts each server on 127.0.0.1, checks its pages, runs ab and wrk, prints the table.")
{
    frameworksOption, testsOption, pathsOption, requestsOption, durationOption, roundsOption, warmupOption, chartOption, tableOption, smokeOption, noBuildOption, noPinOption,
};
root.SetAction(async (result, cancellation) =>
{
    bool smoke = result.GetValue(smokeOption);
    var repository = FindRepository();
    var httpRoot = Path.Combine(repository, "benchmarks", "http");
    var wanted = Pick(result.GetValue(frameworksOption), Framework.All, f => f.Key, smoke ? Framework.All.Where(f => f.IsDotNet) : Framework.All);
    var tests = Pick(result.GetValue(testsOption), LoadTest.All, t => t.Key, LoadTest.All);
    var paths = (result.GetValue(pathsOption) ?? "/,/environ,/template").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    string? chart = result.GetValue(chartOption) is { } given ? (given == "none" ? null : Path.GetFullPath(given)) : smoke ? null : Path.Combine(repository, "docs", "http-benchmark.svg");
    var settings = new Settings
    {
        Root = httpRoot,
        Frameworks = wanted,
        Tests = tests,
        Paths = paths,
        Requests = smoke && !Given(result, requestsOption) ? 100 : result.GetValue(requestsOption),
        Duration = smoke && !Given(result, durationOption) ? 1 : result.GetValue(durationOption),
        Rounds = smoke && !Given(result, roundsOption) ? 1 : result.GetValue(roundsOption),
        Warmup = smoke && !Given(result, warmupOption) ? 0 : result.GetValue(warmupOption),
        Port = FreePort(),
        ChartPath = chart,
        TablePath = result.GetValue(tableOption) is { } table ? Path.GetFullPath(table) : null,
        NoBuild = result.GetValue(noBuildOption),
        ServerCpus = Pinned(result.GetValue(noPinOption)).Server,
        ToolCpus = Pinned(result.GetValue(noPinOption)).Tools,
    };
    return await RunAsync(settings, cancellation);
});
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(Settings settings, CancellationToken cancellation)
{
    var missingTools = new[] { "ab", "wrk", "setsid" }.Where(t => !Tools.Has(t)).ToList();
    if (missingTools.Count > 0)
    {
        Console.Error.WriteLine($"missing: {string.Join(", ", missingTools)}; install them (Debian: apt-get install apache2-utils wrk) or run benchmarks/http/run.sh --install");
        return 2;
    }
    var clock = Stopwatch.StartNew();
    var results = new Results();
    var frameworks = new List<Framework>();
    foreach (var framework in settings.Frameworks)
    {
        string? missing = framework.IsDotNet ? null
            : !Tools.PythonHas(framework.PythonModule!) ? $"{Tools.Python} cannot import {framework.PythonModule} (Debian: python3-{framework.PythonModule}; run.sh --install)"
            : framework.Server == "gunicorn" && !Tools.PythonHas("gunicorn") ? $"{Tools.Python} has no gunicorn (Debian: gunicorn; run.sh --install)"
            : null;
        if (missing is null)
        {
            frameworks.Add(framework);
        }
        else
        {
            results.Skipped.Add($"{framework.Name}: {missing}");
            Console.WriteLine($"skipping {framework.Name}: {missing}");
        }
    }
    var dotnet = frameworks.Where(f => f.IsDotNet).ToList();
    if (!settings.NoBuild && dotnet.Count > 0)
    {
        foreach (var framework in dotnet)
        {
            Console.WriteLine($"building {framework.Project} (Release)");
            var (code, output) = Tools.Run("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(settings.Root, "servers", framework.Project)], TimeSpan.FromMinutes(10));
            if (code != 0)
            {
                Console.Error.WriteLine(output);
                return 1;
            }
        }
    }
    var python = frameworks.Where(f => !f.IsDotNet).ToList();

    // The .NET servers are started together, each on its own port, and measured cell by cell: for each URL and load,
    // each server in turn, in a rotating order, round after round. Only the one being measured has load; the machine's
    // drift (large on shared cores) then falls on all of them alike instead of on whichever ran later.
    if (dotnet.Count > 0)
    {
        var servers = new List<(Framework Framework, ServerProcess Server, int Port)>();
        try
        {
            foreach (var framework in dotnet)
            {
                int port = servers.Count == 0 ? settings.Port : FreePort();
                Console.WriteLine($"starting {framework.Name} ({framework.Server}) on 127.0.0.1:{port}");
                servers.Add((framework, await ServerProcess.StartAsync(framework, settings, "Release", port), port));
                await CheckBodiesAsync(framework, settings, port, results);
            }
            foreach (var path in settings.Paths)
            {
                if (settings.Warmup > 0)
                {
                    foreach (var (_, _, port) in servers)
                    {
                        // The JIT's tiers settle on both paths: a new connection per request (ab) and keep-alive (wrk).
                        var url = $"http://127.0.0.1:{port}{path}";
                        Tools.RunPinned(settings.ToolCpus, "ab", ["-q", "-r", "-c", "10", "-n", "2000", url], TimeSpan.FromSeconds(60));
                        Tools.RunPinned(settings.ToolCpus, "wrk", ["-t2", "-c100", $"-d{settings.Warmup}s", url], TimeSpan.FromSeconds(settings.Warmup + 30));
                    }
                }
                foreach (var test in settings.Tests)
                {
                    for (int round = 0; round < settings.Rounds; round++)
                    {
                        for (int i = 0; i < servers.Count; i++)
                        {
                            cancellation.ThrowIfCancellationRequested();
                            var (framework, _, port) = servers[(i + round) % servers.Count];
                            Measure(framework, $"http://127.0.0.1:{port}{path}", path, test, settings, results, $"round {round + 1}");
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var (_, server, _) in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    // The Python servers one at a time, on the first port, once each.
    foreach (var framework in python)
    {
        cancellation.ThrowIfCancellationRequested();
        Console.WriteLine($"{framework.Name} ({framework.Server}) on 127.0.0.1:{settings.Port}");
        await using var server = await ServerProcess.StartAsync(framework, settings, "Release", settings.Port);
        await CheckBodiesAsync(framework, settings, settings.Port, results);
        foreach (var path in settings.Paths)
        {
            foreach (var test in settings.Tests)
            {
                Measure(framework, $"http://127.0.0.1:{settings.Port}{path}", path, test, settings, results, null);
            }
        }
    }
    var report = Report.Markdown(settings, results, clock.Elapsed);
    Console.WriteLine();
    Console.WriteLine(report);
    if (settings.TablePath is { } tablePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(tablePath)!);
        await File.WriteAllTextAsync(tablePath, report, cancellation);
        Console.WriteLine($"table: {tablePath}");
    }
    if (settings.ChartPath is { } chartPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(chartPath)!);
        await File.WriteAllTextAsync(chartPath, Chart.Svg(settings, results), cancellation);
        Console.WriteLine($"chart: {chartPath}");
    }
    return results.Problems.Count > 0 ? 1 : 0;
}

// The servers on the first half of the CPUs, ab and wrk on the rest (taskset), when there are 2 or more.
static (string? Server, string? Tools) Pinned(bool off)
{
    int cpus = Environment.ProcessorCount;
    if (off || cpus < 2 || !Tools.Has("taskset"))
    {
        return (null, null);
    }
    int half = cpus / 2;
    return (half == 1 ? "0" : $"0-{half - 1}", half == cpus - 1 ? $"{half}" : $"{half}-{cpus - 1}");
}

// Whether the option was on the command line (not its default).
static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

static async Task CheckBodiesAsync(Framework framework, Settings settings, int port, Results results)
{
    var problems = await BodyCheck.RunAsync(framework, settings, port);
    results.Problems.AddRange(problems);
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"BODY CHECK FAILED: {problem}");
    }
}

static void Measure(Framework framework, string url, string path, LoadTest test, Settings settings, Results results, string? round)
{
    var arguments = test.Arguments(url, settings);
    var (code, output) = Tools.RunPinned(settings.ToolCpus, test.Tool, arguments, TimeSpan.FromSeconds(test.Tool == "ab" ? 300 : settings.Duration + 60));
    var measurement = test.Tool == "ab" ? Measurement.FromAb(code, output, Math.Max(settings.Requests, test.Concurrency)) : Measurement.FromWrk(code, output);
    results.Add(framework, path, test, measurement);
    Console.WriteLine($"  {framework.Name,-13} {path,-10} {test.Key,-8} {round,-8} {measurement.RequestsPerSecond,10:N0} req/s {measurement.MsPerRequest,9:0.000} ms  failed {measurement.Failed}{(measurement.Note is null ? string.Empty : $" ({measurement.Note})")}");
}

static List<T> Pick<T>(string? list, IReadOnlyList<T> all, Func<T, string> key, IEnumerable<T> fallback)
{
    if (string.IsNullOrWhiteSpace(list))
    {
        return [.. fallback];
    }
    var picked = new List<T>();
    foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        picked.Add(all.FirstOrDefault(item => key(item) == name)
            ?? throw new ArgumentException($"unknown '{name}'; known: {string.Join(", ", all.Select(key))}"));
    }
    // The table's order, whatever the order asked.
    return [.. all.Where(picked.Contains)];
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Flagon.slnx")))
        {
            return folder.FullName;
        }
    }
    throw new InvalidOperationException("run from inside the Flagon repository (Flagon.slnx not found above " + AppContext.BaseDirectory + ")");
}
