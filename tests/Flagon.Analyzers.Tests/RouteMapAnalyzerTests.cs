using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.RouteMapAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class RouteMapAnalyzerTests
{
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
