using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Flagon.Generators.Tests;

/// <summary>
/// What the generator tells ASP.NET Core's API tooling about a view: its doc comment (summary, remarks, parameters),
/// the JSON it returns and the JSON it reads, as endpoint metadata in the generated table.
/// </summary>
public class ApiMetadataTests
{
    private const string Source = """
        using Flagon;
        using static Flagon.Globals;

        public sealed record Page(int Id, string Title);
        public sealed record NewPage(string Title);
        public static class Program { public static void Main() { } }

        public static partial class Api
        {
            /// <summary>One page, by its <paramref name="pk"/>: see <see cref="Page"/>.</summary>
            /// <remarks>Pages are <c>public</c>.</remarks>
            /// <param name="pk">The page's key.</param>
            [Route("/api/pages/<int(min=1):pk>")]
            public static Page Get(int pk) => new(pk, "a");

            [Route("/api/pages", Methods = ["POST"])]
            public static async System.Threading.Tasks.Task<Page> Create()
            {
                await System.Threading.Tasks.Task.Yield();
                return new(1, Request.Json<NewPage>()!.Title);
            }

            /// <summary>Plain text.</summary>
            [Route("/hello/<any(en, fr):lang>")]
            [Microsoft.AspNetCore.Http.EndpointSummary("Said explicitly")]
            public static string Hello(string lang) => "hi";
        }
        """;

    private static string GeneratedTable(DocumentationMode mode)
    {
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.ImplicitUsings, Source);
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(mode);
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), options)));
        var (_, output, result) = GeneratorHarness.Run(compilation);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return string.Join("\n", result.GeneratedTrees.Select(t => t.ToString()));
    }

    [Theory]
    [InlineData(DocumentationMode.Diagnose)] // GenerateDocumentationFile: the compiler reads the comments
    [InlineData(DocumentationMode.None)]     // no documentation file: the generator reads the /// lines itself
    public void Doc_comments_and_json_types_become_endpoint_metadata(DocumentationMode mode)
    {
        var table = GeneratedTable(mode);
        Assert.Contains("new global::Microsoft.AspNetCore.Http.EndpointSummaryAttribute(\"One page, by its pk: see Page.\")", table);
        Assert.Contains("new global::Microsoft.AspNetCore.Http.EndpointDescriptionAttribute(\"Pages are public.\")", table);
        Assert.Contains("new global::Flagon.Routing.RuleVariable(\"pk\", \"int\", typeof(int)) { Arguments = \"min=1\", Minimum = \"1\", Description = \"The page's key.\" }", table);
        Assert.Contains("new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(200, typeof(global::Page), new[] { \"application/json\" })", table);
        Assert.Contains("new global::Microsoft.AspNetCore.Http.Metadata.AcceptsMetadata(new[] { \"application/json\" }, typeof(global::NewPage), false)", table);
        Assert.Contains("Choices = [\"en\", \"fr\"]", table);
    }

    [Fact]
    public void An_explicit_attribute_comes_after_the_doc_comment_so_it_wins()
    {
        var table = GeneratedTable(DocumentationMode.Diagnose);
        var line = table.Split('\n').Single(l => l.Contains("=> [") && l.Contains("-> hello"));
        Assert.True(line.IndexOf("EndpointSummaryAttribute(\"Plain text.\")", StringComparison.Ordinal)
            < line.IndexOf("EndpointSummaryAttribute(\"Said explicitly\")", StringComparison.Ordinal), line);
        Assert.DoesNotContain("ProducesResponseTypeMetadata", line); // a string is HTML, not JSON
    }
}
