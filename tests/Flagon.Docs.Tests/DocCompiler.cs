using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Docs.Tests;

/// <summary>
/// Compiles a block as a user's project would build it: the block in its glue, Flagon's generators (as the package
/// adds them), its analyzers, the templates as AdditionalFiles, and the interceptors opt-in of the package's props.
/// </summary>
public static class DocCompiler
{
    /// <summary>The path the block's source has in the compilation.</summary>
    public const string SourcePath = "/doc/Program.cs";

    /// <summary>The folder the block's templates are in.</summary>
    public const string TemplateFolder = "/doc/templates/";

    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new("InterceptorsNamespaces", "Flagon.Generated")]);

    // This test's own dependencies (ASP.NET Core, Flagon, the real-world sample's EF Core and Redis, xunit) are the
    // blocks' references, as a project referencing them would have; the test and the compiler are left out.
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => Path.GetFileName(p) is var name
                && !name.StartsWith("Flagon.Docs.Tests", StringComparison.Ordinal)
                && !name.StartsWith("Flagon.Generators", StringComparison.Ordinal)
                && !name.StartsWith("Flagon.Analyzers", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p)),
    ];

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        .. typeof(Flagon.Analyzers.RuleAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    private static readonly ImmutableArray<ISourceGenerator> Generators =
    [
        .. typeof(Flagon.Generators.RouteGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t))
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator()),
    ];

    /// <summary>The diagnostics of the compiler, the generators and the analyzers, and the compiled block's source.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, string Source, int BlockLine)> Compile(DocBlock block)
    {
        var (source, blockLine) = DocGlue.Compose(block);
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: SourcePath);
        var usings = CSharpSyntaxTree.ParseText(DocGlue.ImplicitUsings, ParseOptions, path: "/doc/obj/GlobalUsings.g.cs");
        bool program = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "DocExample",
            [tree, usings],
            References,
            new CSharpCompilationOptions(
                program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // As the SDK does: package assemblies built against older framework versions unify with this one.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

        var templates = block.Templates
            .Select(name => (AdditionalText)new Template(TemplateFolder + name, "<p>{{ title }}</p>\n"))
            .ToList();
        if (block.Language == "liquid")
        {
            templates.Add(new Template(TemplateFolder + "example.html", block.Code + "\n"));
        }
        CSharpGeneratorDriver.Create(Generators, [.. templates], ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var withAnalyzers = output.WithAnalyzers(Analyzers, new AnalyzerOptions([.. templates]));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync();
        return ([.. generatorDiagnostics, .. diagnostics], source, blockLine);
    }

    private sealed class Template(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }
}
