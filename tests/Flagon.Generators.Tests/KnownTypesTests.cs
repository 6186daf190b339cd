using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Flagon.Generators.Tests;

/// <summary>
/// The types the generator and the analyzers ask about are resolved once per compilation and compared by symbol
/// (<see cref="KnownTypes"/>), never by the text of their names.
/// </summary>
public class KnownTypesTests
{
    private const string App = """
        using Flagon;
        namespace Shop
        {
            public sealed class ShopApp : App { public ShopApp() : base(System.Array.Empty<string>()) { } }
            public sealed class Failure : HttpError { public Failure() : base(402, "pay") { } }
            public sealed class Body : System.IO.MemoryStream { }
        }
        namespace Flagon.Fake { public sealed class App { } }
        """;

    [Fact]
    public void One_instance_per_compilation()
    {
        var first = GeneratorHarness.CreateCompilation(App);
        var second = GeneratorHarness.CreateCompilation(App);
        Assert.Same(KnownTypes.Of(first), KnownTypes.Of(first));
        Assert.NotSame(KnownTypes.Of(first), KnownTypes.Of(second));
        Assert.Same(first, KnownTypes.Of(first).Compilation);
    }

    [Fact]
    public void Resolves_by_symbol_and_compares_through_bases_and_interfaces()
    {
        var compilation = GeneratorHarness.CreateCompilation(App);
        var known = KnownTypes.Of(compilation);
        var shopApp = compilation.GetTypeByMetadataName("Shop.ShopApp")!;
        var failure = compilation.GetTypeByMetadataName("Shop.Failure")!;
        var body = compilation.GetTypeByMetadataName("Shop.Body")!;
        var fakeApp = compilation.GetTypeByMetadataName("Flagon.Fake.App")!;

        Assert.Equal("Flagon.App", known.App!.ToDisplayString());
        Assert.True(KnownTypes.IsOrDerives(shopApp, known.App));
        Assert.False(KnownTypes.Is(shopApp, known.App));
        Assert.False(KnownTypes.IsOrDerives(fakeApp, known.App)); // same simple name, another type
        Assert.True(KnownTypes.IsOrDerives(failure, known.HttpError));
        Assert.True(KnownTypes.IsOrDerives(failure, known.Exception));
        Assert.False(KnownTypes.IsOrDerives(failure, known.Response));
        Assert.True(KnownTypes.IsOrDerives(body, known.Stream));
        Assert.True(KnownTypes.Implements(body, known.IAsyncDisposable));
        Assert.True(KnownTypes.Implements(body, compilation.GetSpecialType(SpecialType.System_IDisposable)));

        var taskOfInt = known.TaskOfT!.Construct(compilation.GetSpecialType(SpecialType.System_Int32));
        Assert.True(KnownTypes.IsConstructed(taskOfInt, known.TaskOfT));
        Assert.False(KnownTypes.IsConstructed(taskOfInt, known.ValueTaskOfT));
        Assert.True(KnownTypes.IsOrDerives(taskOfInt, known.Task));
        Assert.False(KnownTypes.Is(taskOfInt, known.Task));
    }

    [Fact]
    public void A_type_the_compilation_cannot_see_is_null_and_nothing_is_it()
    {
        // No Flagon, no ASP.NET Core: only the framework.
        var compilation = CSharpCompilation.Create("Plain", [CSharpSyntaxTree.ParseText("class C { }")], Net100.References.All);
        var known = KnownTypes.Of(compilation);
        Assert.Null(known.App);
        Assert.Null(known.RouteAttribute);
        Assert.Null(known.HttpContext);
        Assert.NotNull(known.Task);
        Assert.False(KnownTypes.Is(compilation.GetTypeByMetadataName("C"), known.App));
        Assert.False(KnownTypes.IsOrDerives(compilation.GetTypeByMetadataName("C"), known.Response));
        Assert.Null(KnownTypes.Attribute(compilation.GetTypeByMetadataName("C")!, known.BlueprintAttribute));
    }

    [Fact]
    public void A_library_polyfill_of_a_framework_type_does_not_hide_the_framework_type()
    {
        // A referenced library with its own internal System.IO.Stream (as polyfills of framework types are written):
        // the public framework type is still the one found.
        var library = CSharpCompilation.Create("Polyfills",
            [CSharpSyntaxTree.ParseText("namespace System.IO { internal abstract class Stream { } }")],
            Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = GeneratorHarness.CreateCompilation(App).AddReferences(library.ToMetadataReference());

        var known = KnownTypes.Of(compilation);
        Assert.NotNull(known.Stream);
        Assert.Equal(Accessibility.Public, known.Stream!.DeclaredAccessibility);
        Assert.True(KnownTypes.IsOrDerives(compilation.GetTypeByMetadataName("Shop.Body"), known.Stream));
    }

    [Theory]
    [InlineData("System.Threading.Tasks", "System.Threading.Tasks", true)]
    [InlineData("System.Threading.Tasks", "System.Threading", false)]
    [InlineData("System.Threading", "System.Threading.Tasks", false)]
    [InlineData("System", "System", true)]
    [InlineData("MySystem.IO", "System.IO", false)]
    [InlineData("Other.System.IO", "System.IO", false)]
    [InlineData("Flagon", "Flagon", true)]
    public void InNamespace_compares_part_by_part(string declared, string asked, bool expected)
    {
        var compilation = CSharpCompilation.Create("N", [CSharpSyntaxTree.ParseText($"namespace {declared} {{ class Probe {{ }} }}")], Net100.References.All);
        var probe = compilation.GetTypeByMetadataName(declared + ".Probe")!;
        Assert.Equal(expected, KnownTypes.InNamespace(probe, asked));
    }

    [Fact]
    public void InNamespace_of_a_global_type_is_false_and_UnderNamespace_includes_inner_namespaces()
    {
        var compilation = CSharpCompilation.Create("N",
            [CSharpSyntaxTree.ParseText("class Global { } namespace System.Runtime.CompilerServices { class Inner { } } namespace System.RuntimeX { class Near { } }")],
            Net100.References.All);
        Assert.False(KnownTypes.InNamespace(compilation.GetTypeByMetadataName("Global"), "System"));
        Assert.True(KnownTypes.UnderNamespace(compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.Inner"), "System.Runtime"));
        Assert.False(KnownTypes.InNamespace(compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.Inner"), "System.Runtime"));
        Assert.False(KnownTypes.UnderNamespace(compilation.GetTypeByMetadataName("System.RuntimeX.Near"), "System.Runtime"));
    }

    [Fact]
    public void No_code_of_the_generator_or_the_analyzers_decides_a_type_by_its_display_text()
    {
        // Display strings may still be written into messages and generated code, but never compared.
        var root = Path.GetFullPath(Path.Combine(GeneratorHarness.SourceDirectory(), "..", ".."));
        var comparison = new Regex(@"ToDisplayString\([^)]*\)\s*(==|!=|is\s+(not\s+)?""|switch\b)|switch\s*\([^)]*ToDisplayString\(");
        var offenders = new List<string>();
        foreach (var folder in new[] { "Flagon.Generators", "Flagon.Analyzers" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                {
                    continue;
                }
                var lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    if (comparison.IsMatch(lines[i]))
                    {
                        offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }
        Assert.True(Directory.Exists(Path.Combine(root, "Flagon.Generators", "Shared")), "the sources were not found from " + root);
        Assert.Empty(offenders);
    }
}
