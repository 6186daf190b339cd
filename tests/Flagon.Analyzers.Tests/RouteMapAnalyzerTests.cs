using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.RouteMapAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class RouteMapAnalyzerTests
{
    [Fact]
    public async Task A_duplicate_is_reported_by_the_analysis_of_the_later_views_document_as_the_IDE_runs_it()
    {
        // The IDE analyses open documents on their own; compilation-end diagnostics wait for a full analysis. The
        // earlier rule and endpoint are in another file.
        var open = new OpenDocumentAnalysis(new RouteMapAnalyzer(),
        [
            AnalyzerTest<RouteMapAnalyzer>.FlagonStub,
            """
            using Flagon;
            static class First
            {
                [Route("/users/<name>")] public static string ByName(string name) => "x";
                [Route("/page", Endpoint = "page")] public static string A() => "x";
            }
            """,
            """
            using Flagon;
            static class Second
            {
                [Route("/users/<login>")] public static string ByLogin(string login) => "x";
                [Route("/other", Endpoint = "page")] public static string B() => "x";
            }
            """
        ]);

        var second = await open.OfDocument(2);
        var first = await open.OfDocument(1);

        Assert.Equal(["FLG0008", "FLG0107"], second.Select(d => d.Id).Order());
        Assert.All(second, d => Assert.Equal(open.Trees[2], d.Location.SourceTree));
        Assert.Empty(first);
    }

    [Fact]
    public Task FLG0008_two_rules_for_the_same_paths_and_method() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/users/<name>")]
            public static string ByName(string name) => "x";

            [{|#0:Route("/users/<login>")|}]
            public static string ByLogin(string login) => "x";
        }
        """,
        new DiagnosticResult("FLG0008", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("/users/<login>", "ByLogin", "GET", "/users/<name>", "ByName"));

    [Fact]
    public Task FLG0008_for_parts_with_several_variables_compares_their_converters_and_text() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/archive/<int:year>-<int:month>")]
            public static string Month(int year, int month) => "x";

            [{|#0:Route("/archive/<int:y>-<int:m>")|}]
            public static string Other(int y, int m) => "x";

            [Route("/archive/<int:year>.<int:month>")]
            public static string Dotted(int year, int month) => "x";

            [Route("/archive/<year>-<month>")]
            public static string Text(string year, string month) => "x";
        }
        """,
        new DiagnosticResult("FLG0008", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("/archive/<int:y>-<int:m>", "Other", "GET", "/archive/<int:year>-<int:month>", "Month"));

    [Fact]
    public Task Same_path_with_other_methods_other_converters_or_other_blueprints_is_fine() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/items", Methods = ["POST"])]
            public static string Create() => "x";

            [Route("/items")]
            public static string List() => "x";

            [Route("/items/<int:id>")]
            public static string ById(int id) => "x";

            [Route("/items/<name>")]
            public static string ByName(string name) => "x";
        }

        [Blueprint("admin")]
        partial class Admin
        {
            [Route("/items")]
            public static string List() => "x";
        }
        """);

    [Fact]
    public Task FLG0107_one_endpoint_name_for_two_views() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/a", Endpoint = "page")]
            public static string A() => "x";

            [{|#0:Route("/b", Endpoint = "page")|}]
            public static string B() => "x";

            [Route("/c")]
            [Route("/c/<int:n>")]
            public static string SameViewTwice(int n = 0) => "x";
        }
        """,
        new DiagnosticResult("FLG0107", DiagnosticSeverity.Error).WithLocation(0).WithArguments("page", "Views.A", "Views.B"));
}
