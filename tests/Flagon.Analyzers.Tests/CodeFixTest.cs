using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>
/// The Roslyn code-fix test harness as the analyzer tests use it: .NET 10 reference assemblies from
/// Basic.Reference.Assemblies, preview C#, and the same support sources (a stub of Flagon) before and after the fix.
/// </summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="source">The code with the diagnostic, its expected locations marked.</param>
    /// <param name="fixedSource">The code after the fix.</param>
    /// <param name="support">Files added unchanged to both (name, text).</param>
    public CodeFixTest(string source, string fixedSource, params (string Name, string Text)[] support)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Net100.References.All);
        TestState.Sources.Add(source);
        FixedState.Sources.Add(fixedSource);
        foreach (var file in support)
        {
            TestState.Sources.Add(file);
            FixedState.Sources.Add(file);
        }
    }

    protected override ParseOptions CreateParseOptions() =>
        new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview);
}
