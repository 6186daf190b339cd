using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Flagon.Generators.Tests;

/// <summary>A converter declared in a library the program references works as one declared in the program.</summary>
public class ReferencedConverterTests
{
    private const string Library = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using Flagon;
        using Flagon.Routing;
        namespace Shop.Converters
        {
            [RouteConverter("slug")]
            public sealed class SlugConverter : RouteConverter<string>
            {
                public override string Regex => "[a-z0-9-]+";
                public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value) { value = new string(text); return true; }
            }

            // Not public: the program cannot call it, so it is not one of the program's converters.
            [RouteConverter("hidden")]
            internal sealed class HiddenConverter : RouteConverter<string>
            {
                public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value) { value = new string(text); return true; }
            }
        }
        """;

    private const string Program = """
        using Flagon;
        static class Views
        {
            [Route("/posts/<slug:s>")] public static string Post(string s) => s;
        }
        static class Program { static void Main() { } }
        """;

    private static MetadataReference BuildLibrary(string source = Library)
    {
        var library = CSharpCompilation.Create("Shop.Converters",
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions)],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Flagon.App).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    [Fact]
    public void A_rule_names_a_converter_of_a_referenced_library()
    {
        var compilation = GeneratorHarness.CreateCompilation(Program).AddReferences(BuildLibrary());
        var (_, output, result) = GeneratorHarness.Run(compilation);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = string.Join("\n", result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        // The matcher and the invoker call the library's class; the program registers it for run-time rules.
        Assert.Contains("global::Shop.Converters.SlugConverter", generated);
        Assert.Contains("global::Flagon.Routing.RouteConverters.Register(\"slug\", typeof(global::Shop.Converters.SlugConverter));", generated);
        Assert.DoesNotContain("HiddenConverter", generated);
    }

    [Fact]
    public void Without_the_library_the_rule_is_not_compiled()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Program));
        var generated = string.Join("\n", result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("SlugConverter", generated);
        Assert.DoesNotContain("\"/posts/<slug:s>\"", generated);
    }

    [Fact]
    public void The_programs_own_converter_of_the_same_name_wins()
    {
        const string own = """
            namespace Mine
            {
                [Flagon.RouteConverter("slug")]
                public sealed class MySlug : Flagon.Routing.RouteConverter<string>
                {
                    public override bool TryParse(System.ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) { value = new string(text); return true; }
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(Program, own).AddReferences(BuildLibrary());
        var (_, output, result) = GeneratorHarness.Run(compilation);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var table = string.Join("\n", result.Results.Single().GeneratedSources.Where(s => s.HintName.StartsWith("Flagon.AppRouteTable", StringComparison.Ordinal))
            .Select(s => s.SourceText.ToString()));
        Assert.Contains("global::Mine.MySlug", table);
        Assert.DoesNotContain("global::Shop.Converters.SlugConverter", table);
        // Registered after the library's, so a run-time rule's 'slug' is the program's too.
        var registration = result.Results.Single().GeneratedSources.Single(s => s.HintName == "Flagon.RouteConverters.g.cs").SourceText.ToString();
        Assert.True(registration.IndexOf("global::Mine.MySlug", StringComparison.Ordinal) > registration.IndexOf("global::Shop.Converters.SlugConverter", StringComparison.Ordinal));
    }

    [Fact]
    public void An_edit_with_the_same_references_leaves_the_referenced_converters_unchanged()
    {
        var library = BuildLibrary();
        var (driver, _, _) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Program).AddReferences(library));
        var edited = GeneratorHarness.CreateCompilation(Program.Replace("=> s;", "=> s + \"!\";")).AddReferences(library);
        var (_, _, result) = GeneratorHarness.Run(edited, driver);
        var step = result.Results.Single().TrackedSteps[TrackingNames.ReferencedConverters].Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, step.Outputs.Single().Reason);
        Assert.Single(((Helpers.EquatableArray<Model.CustomConverterSpec>)step.Outputs.Single().Value));
    }
}
