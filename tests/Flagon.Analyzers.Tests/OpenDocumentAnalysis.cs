using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers.Tests;

/// <summary>
/// An analyzer run the way the IDE runs it on an open document or template: that file's analysis alone, with the
/// rest of the compilation only as context. Compilation-end diagnostics never show there.
/// </summary>
internal sealed class OpenDocumentAnalysis
{
    private readonly CompilationWithAnalyzers analysis;

    /// <param name="analyzer">The analyzer; none of its diagnostics may be compilation-end.</param>
    /// <param name="sources">The compilation's C# files (File0.cs, File1.cs, …); it must compile.</param>
    /// <param name="additionalFiles">Its additional files (templates).</param>
    public OpenDocumentAnalysis(DiagnosticAnalyzer analyzer, string[] sources, params AdditionalText[] additionalFiles)
    {
        Assert.All(analyzer.SupportedDiagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
        Trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"File{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create("Open", Trees, Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        analysis = compilation.WithAnalyzers([analyzer], new AnalyzerOptions([.. additionalFiles]));
    }

    public SyntaxTree[] Trees { get; }

    /// <summary>The diagnostics of the analysis of the C# file <paramref name="index"/> alone.</summary>
    public Task<ImmutableArray<Diagnostic>> OfDocument(int index) =>
        analysis.GetAnalyzerSemanticDiagnosticsAsync(analysis.Compilation.GetSemanticModel(Trees[index]), filterSpan: null, CancellationToken.None);

    /// <summary>The diagnostics of the analysis of the additional file <paramref name="file"/> alone.</summary>
    public async Task<ImmutableArray<Diagnostic>> OfAdditionalFile(AdditionalText file) =>
        (await analysis.GetAnalysisResultAsync(file, CancellationToken.None)).GetAllDiagnostics();
}
