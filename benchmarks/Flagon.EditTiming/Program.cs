using System.Collections.Immutable;
using System.Diagnostics;
using Basic.Reference.Assemblies;
using Flagon.EditTiming;
using Flagon.Generators;
using Flagon.Generators.Emitters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

// Times Flagon's generator in process on a project written by analyzer-timing/generate.py: full runs (as a
// command-line build starts them), with and without the files the generator wrote before in this process
// (EmittedFiles), and edits with one driver kept (as an IDE runs it). A binding probe runs first and takes the
// compiler's binding of the views. FLAGON_FIRST_RUN_ONLY=1 stops after the first run (for a profiler).
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Flagon.EditTiming <folder of a generated project>");
    return 2;
}

var parseOptions = new CSharpParseOptions(LanguageVersion.Preview).WithFeatures([new("InterceptorsNamespaces", "Flagon.Generated")]);
ImmutableArray<MetadataReference> references =
[
    .. Net100.References.All,
    .. new[]
    {
        typeof(Flagon.App).Assembly,
        typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly,
        typeof(Microsoft.AspNetCore.Http.Features.IFeatureCollection).Assembly,
        typeof(Microsoft.Extensions.Primitives.StringValues).Assembly,
    }.Select(a => MetadataReference.CreateFromFile(a.Location)),
];
var sources = Directory.GetFiles(args[0], "*.cs").Order(StringComparer.Ordinal)
    .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
    .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading.Tasks;", parseOptions, "GlobalUsings.cs"))
    .ToList();

Compilation NewCompilation() => CSharpCompilation.Create("Timing", sources, references,
    new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
    [new BindingProbe().AsSourceGenerator(), new RouteGenerator().AsSourceGenerator(), new TemplateModelGenerator().AsSourceGenerator(), new TemplateFunctionsGenerator().AsSourceGenerator()],
    parseOptions: parseOptions);

(double Probe, double Route, double All) Times(GeneratorDriver driver)
{
    var times = driver.GetTimingInfo().GeneratorTimes.ToDictionary(t => t.Generator.GetGeneratorType().Name, t => t.ElapsedTime.TotalMilliseconds);
    return (times[nameof(BindingProbe)], times[nameof(RouteGenerator)], driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

if (Environment.GetEnvironmentVariable("FLAGON_TIME_BINDER") == "1")
{
    // The rule binder alone (what the analyzers share: each [Route] bound once per compilation), on symbols the
    // compiler has already bound.
    for (int round = 0; round < 4; round++)
    {
        var compilation0 = NewCompilation();
        var views = new List<(IMethodSymbol, AttributeData)>();
        foreach (var tree in compilation0.SyntaxTrees)
        {
            var model = compilation0.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            {
                var symbol = model.GetDeclaredSymbol(method)!;
                views.AddRange(symbol.GetAttributes().Where(a => a.AttributeClass?.Name == "RouteAttribute").Select(a => (symbol, a)));
            }
        }
        var known = Flagon.Generators.Shared.KnownTypes.Of(compilation0);
        for (int pass = 0; pass < 3; pass++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var (method, attribute) in views)
            {
                Flagon.Generators.Shared.ViewBinder.BindRule(known, method, attribute, []);
            }
            Console.WriteLine($"binder, pass {pass}: {views.Count} rules in {watch.Elapsed.TotalMilliseconds:F1} ms, {(GC.GetAllocatedBytesForCurrentThread() - before) / views.Count} B per rule");
        }
    }
    return 0;
}

// Full runs on fresh compilations, as a command-line build does; the first ones also JIT-compile everything.
// Writing every file: nothing kept from an earlier run (a build in a new compiler process).
var full = new List<(double Probe, double Route, double All)>();
int generatedSize = 0;
for (int i = 0; i < 7; i++)
{
    EmittedFiles.Clear();
    var driver = NewDriver().RunGenerators(NewCompilation());
    full.Add(Times(driver));
    generatedSize = driver.GetRunResult().GeneratedTrees.Sum(t => t.Length);
    if (Environment.GetEnvironmentVariable("FLAGON_FIRST_RUN_ONLY") == "1")
    {
        // One run in a new process, for a profiler (dotnet-trace): what a build in a new compiler process pays.
        Console.WriteLine($"full run, first (JIT): binding probe {full[0].Probe:F0} ms, RouteGenerator {full[0].Route:F0} ms; "
            + $"garbage collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; "
            + $"JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in the process");
        return 0;
    }
}
// The same project again in the same process (a build in the warm compiler server): unchanged files are kept.
var kept = new List<(double Probe, double Route, double All)>();
for (int i = 0; i < int.Parse(Environment.GetEnvironmentVariable("KEPT_RUNS") ?? "5"); i++)
{
    kept.Add(Times(NewDriver().RunGenerators(NewCompilation())));
}
Console.WriteLine($"views: {sources.Sum(s => s.ToString().Split("[Route(").Length - 1)}, generated: {generatedSize / 1024} KB of C#");
Console.WriteLine($"full run, first (JIT):         binding probe {full[0].Probe,6:F0} ms, RouteGenerator {full[0].Route,6:F0} ms");
Console.WriteLine($"full run, warm median:         binding probe {Median(full.Skip(2).Select(f => f.Probe).ToList()),6:F0} ms, RouteGenerator {Median(full.Skip(2).Select(f => f.Route).ToList()),6:F0} ms");
Console.WriteLine($"full run, files kept, median:  binding probe {Median(kept.Select(f => f.Probe).ToList()),6:F0} ms, RouteGenerator {Median(kept.Select(f => f.Route).ToList()),6:F0} ms");

// Edits, with the driver kept: a change inside one view's body, and a change of one rule.
var compilation = NewCompilation();
var driverKept = NewDriver().RunGenerators(compilation);
foreach (var (kind, marker, edit) in new (string, string, Func<string, int, string>)[]
{
    ("view body edit      ", "[Route(\"/c3/0\")]", (text, i) => text.Replace("=> \"c3 0", $"=> \"c3 0 edit{i}", StringComparison.Ordinal)),
    ("app rule edit       ", "[Route(\"/c3/0\")]", (text, i) => text.Replace("[Route(\"/c3/0", $"[Route(\"/c3/0e{i}", StringComparison.Ordinal)),
    ("blueprint rule edit ", "[Route(\"/c12/0\")]", (text, i) => text.Replace("[Route(\"/c12/0", $"[Route(\"/c12/0e{i}", StringComparison.Ordinal)),
})
{
    var tree = compilation.SyntaxTrees.First(t => t.ToString().Contains(marker, StringComparison.Ordinal));
    var probe = new List<double>();
    var route = new List<double>();
    for (int i = 0; i < 12; i++)
    {
        var changed = tree.WithChangedText(SourceText.From(edit(tree.ToString(), i)));
        compilation = compilation.ReplaceSyntaxTree(tree, changed);
        tree = changed;
        driverKept = driverKept.RunGenerators(compilation);
        var (p, r, _) = Times(driverKept);
        if (i >= 2)
        {
            probe.Add(p);
            route.Add(r);
        }
    }
    Console.WriteLine($"{kind}, median:  binding probe {Median(probe),6:F0} ms, RouteGenerator {Median(route),6:F0} ms (min {route.Min():F0}, max {route.Max():F0})");
}
return 0;
