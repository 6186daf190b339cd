using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>The analyzers know the converters of the libraries a program references, as the generator does.</summary>
public class ReferencedConverterAnalyzerTests
{
    // Flagon (the stub, as an assembly of its own) and a library built against it that declares 'slug'.
    private static readonly Lazy<(MetadataReference Flagon, MetadataReference Library)> Assemblies = new(() =>
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var flagon = Emit(CSharpCompilation.Create("Flagon.Runtime",
            [CSharpSyntaxTree.ParseText(AnalyzerTest<RuleAnalyzer>.FlagonStub, parse)], Net100.References.All, options));
        var library = Emit(CSharpCompilation.Create("Shop.Converters", [CSharpSyntaxTree.ParseText("""
            namespace Shop.Converters
            {
                [Flagon.RouteConverter("slug")]
                public sealed class SlugConverter(int maxLength = 40) : Flagon.Routing.RouteConverter<string>
                {
                    public override bool TryParse(System.ReadOnlySpan<char> text, out string value) { value = new string(text); return text.Length <= maxLength; }
                }
            }
            """, parse)], [.. Net100.References.All, flagon], options));
        return (flagon, library);
    });

    private static MetadataReference Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static Task VerifyAsync(string rule, string parameters, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<RuleAnalyzer>($$"""
            using Flagon;
            static class Views
            {
                [Route({{rule}})]
                public static string View({{parameters}}) => "x";
            }
            """);
        // Flagon comes from its assembly here, as in a real program, not from the stub source.
        test.TestState.Sources.RemoveAt(1);
        test.TestState.AdditionalReferences.Add(Assemblies.Value.Flagon);
        test.TestState.AdditionalReferences.Add(Assemblies.Value.Library);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_converter_of_a_referenced_library_is_a_converter() =>
        VerifyAsync("\"/a/<slug:s>/<slug(10):t>\"", "string s, string t");

    [Fact]
    public Task FLG0003_lists_a_referenced_librarys_converters() =>
        VerifyAsync("\"/a/<{|#0:slog|}:s>\"", "string s",
            new DiagnosticResult("FLG0003", DiagnosticSeverity.Error).WithLocation(0).WithArguments("/a/<slog:s>", "slog", "string, int, float, path, uuid, any and slug"));

    [Fact]
    public Task FLG0103_a_referenced_converter_binds_to_its_value_type_only() =>
        VerifyAsync("\"/a/{|#0:<slug:s>|}\"", "int s",
            new DiagnosticResult("FLG0103", DiagnosticSeverity.Error).WithLocation(0).WithArguments("s", "slug", "int"));
}
