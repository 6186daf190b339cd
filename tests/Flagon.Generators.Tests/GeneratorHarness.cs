using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Flagon.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flagon.Generators.Tests;

/// <summary>Runs <see cref="RouteGenerator"/> over source text, with reference assemblies that need no download.</summary>
internal static class GeneratorHarness
{
    /// <summary>What an SDK project's ImplicitUsings adds, for inputs written as project files.</summary>
    public const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading.Tasks;";

    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview)
        .WithFeatures([new("InterceptorsNamespaces", "Flagon.Generated")]);

    private static readonly ImmutableArray<MetadataReference> References = CreateReferences();

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestApp",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            // The strictest settings a user's project can have: every warning wave on (warning level 9999), nullable
            // on; the tests then require the generated code to raise no warning at all.
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new RouteGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns the driver (for a second run), the output compilation and its generated sources.</summary>
    public static (GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver, output, driver.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        // The .NET reference assemblies come from Basic.Reference.Assemblies; Flagon.Runtime and the
        // ASP.NET Core assemblies the generated code touches come from this test's own output.
        var extra = new[]
        {
            typeof(Flagon.App).Assembly,
            typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly,
            typeof(Microsoft.AspNetCore.Http.Features.IFeatureCollection).Assembly,
            typeof(Microsoft.AspNetCore.Http.EndpointSummaryAttribute).Assembly,
            typeof(Microsoft.Extensions.Primitives.StringValues).Assembly,
            typeof(System.CommandLine.Command).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions).Assembly,
        };
        return [.. Net100.References.All, .. extra.Select(a => MetadataReference.CreateFromFile(a.Location))];
    }

    /// <summary>
    /// The test project's folder, found from the test assembly upwards. Not [CallerFilePath]: a CI build
    /// (ContinuousIntegrationBuild) maps source paths to "/_/", which is not a folder on the machine.
    /// </summary>
    public static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Flagon.Generators.Tests.csproj")))
                return dir.FullName;
        throw new InvalidOperationException($"No Flagon.Generators.Tests.csproj above {AppContext.BaseDirectory}.");
    }
}
