using Basic.Reference.Assemblies;
using Flagon.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.UrlForAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0110–FLG0112: Url.For with a literal endpoint, checked against the views; and the fix to typed UrlFor.</summary>
public class UrlForAnalyzerTests
{
    private const string Url = """
        namespace Flagon
        {
            public static class Url
            {
                public static string For(string endpoint, object? values = null, string? anchor = null, bool external = false) => "";
            }
            public class App
            {
                public App AddUrlRule(string rule, System.Delegate view, string? endpoint = null) => this;
            }
        }
        """;

    private const string Views = """
        using Flagon;
        static partial class Views
        {
            [Route("/")] public static string Index() => "x";
            [Route("/page", Defaults = "pk=1", Endpoint = "default_page")]
            [Route("/page/<int:pk>")] public static string Page(int pk) => "x";
            [Route("/user/<name>/<int:id>")] public static string User(string name, int id) => "x";
        }

        [Blueprint("admin")]
        partial class Admin
        {
            [Route("/")] public static string Hello() => "x";
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify(Views + source);
        test.TestState.Sources.Add(("Url.cs", Url));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task An_unknown_endpoint_is_reported_by_the_analysis_of_the_one_document_it_is_in_as_the_IDE_runs_it()
    {
        // The IDE analyses open documents on their own (semantic diagnostics of one file); compilation-end diagnostics
        // wait for a full analysis. The views are in another file: the endpoints come from the whole compilation.
        var open = new OpenDocumentAnalysis(new UrlForAnalyzer(), [Views, Url, AnalyzerTest<UrlForAnalyzer>.FlagonStub, """
            using Flagon;
            static class Links
            {
                static string Broken() => Url.For("idnex");
                static string Fine() => Url.For("page", new { pk = 2 });
            }
            """]);

        var diagnostics = await open.OfDocument(3);

        var unknown = Assert.Single(diagnostics, d => d.Id == "FLG0110");
        Assert.Equal("Url.For names the unknown endpoint 'idnex'; did you mean 'index'?", unknown.GetMessage());
        Assert.Equal(3, unknown.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(diagnostics, d => d.Id == "FLG0112" && d.Location.GetLineSpan().StartLinePosition.Line == 4);
    }

    [Fact]
    public Task Unknown_endpoints_and_missing_values_are_reported_and_fine_calls_can_be_typed() => VerifyAsync("""
        static class Links
        {
            static string[] All(string computed) =>
            [
                Url.For({|#0:"idnex"|}),
                {|#1:Url.For("user", new { name = "ann" })|},
                {|#2:Url.For("page", new { pk = 2 })|},
                {|#3:Url.For("admin.hello")|},
                Url.For("staff.hello"),
                Url.For(".hello"),
                Url.For("static", new { filename = "a.css" }),
                Url.For("page", new { pk = 2, sort = "new" }),
                Url.For(computed),
            ];
        }
        """,
        new DiagnosticResult("FLG0110", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("idnex", "; did you mean 'index'?"),
        new DiagnosticResult("FLG0111", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("user", "'id'"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(2).WithArguments("page", "UrlFor.Page"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(3).WithArguments("admin.hello", "UrlFor.Admin.Hello"));

    [Fact]
    public Task Values_that_cannot_fill_their_rule_value_are_reported_where_they_are_written() => VerifyAsync("""
        public enum Shade { Light, Dark }
        static partial class Views
        {
            [Route("/lang/<any(en,fr):code>")] public static string Lang(string code) => "x";
            [Route("/theme/<shade>")] public static string Theme(Shade shade) => "x";
            [Route("/item/<uuid:key>")] public static string Item(System.Guid key) => "x";
            [Route("/rank/<int(min=1, max=10):n>")] public static string Rank(int n) => "x";
        }
        static class Links
        {
            static string[] All(int pk, string text, object anything, System.Guid key) =>
            [
                Url.For("page", new { pk = {|#0:"abc"|} }),
                Url.For("page", new { pk = {|#1:2.5|} }),
                Url.For("page", new { pk = {|#2:key|} }),
                Url.For("page", new { pk = {|#3:-1|} }),
                Url.For("lang", new { code = {|#4:"de"|} }),
                Url.For("theme", new { shade = {|#5:"purple"|} }),
                Url.For("item", new { key = {|#6:"not-a-uuid"|} }),
                Url.For("rank", new { n = {|#7:11|} }),
                {|#10:Url.For("page", new { pk = "5" })|},
                {|#11:Url.For("page", new { pk = text })|},
                {|#12:Url.For("page", new { pk = anything })|},
                {|#13:Url.For("lang", new { code = "fr" })|},
                {|#14:Url.For("theme", new { shade = "dark" })|},
                {|#15:Url.For("theme", new { shade = Shade.Light })|},
                {|#16:Url.For("item", new { key })|},
                {|#17:Url.For("rank", new { n = 10L })|},
                Url.For("page", new { pk = (string?)null, sort = 1.5 }),
            ];
        }
        """,
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("page", "pk", "the value 'abc'", "int"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("page", "pk", "the value 2.5", "int"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("page", "pk", "a Guid", "int"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(3).WithArguments("page", "pk", "the value -1", "int"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(4).WithArguments("lang", "code", "the value 'de'", "any(en,fr)"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(5).WithArguments("theme", "shade", "the value 'purple'", "any"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(6).WithArguments("item", "key", "the value 'not-a-uuid'", "uuid"),
        new DiagnosticResult("FLG0114", DiagnosticSeverity.Warning).WithLocation(7).WithArguments("rank", "n", "the value 11", "int(min=1, max=10)"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(10).WithArguments("page", "UrlFor.Page"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(11).WithArguments("page", "UrlFor.Page"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(12).WithArguments("page", "UrlFor.Page"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(13).WithArguments("lang", "UrlFor.Lang"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(14).WithArguments("theme", "UrlFor.Theme"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(15).WithArguments("theme", "UrlFor.Theme"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(16).WithArguments("item", "UrlFor.Item"),
        new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(17).WithArguments("rank", "UrlFor.Rank"));

    [Fact]
    public Task The_endpoint_of_a_view_whose_rule_has_an_error_is_known_and_not_checked() => VerifyAsync("""
        static partial class Views
        {
            // FLG0101 (reported by the rule analyzer): 'username' has no parameter. The endpoint still exists.
            [Route("/profile/<username>")] public static string Profile(string name) => name;
        }
        static class Links
        {
            static string[] All() =>
            [
                Url.For("profile", new { username = "ann" }),
                Url.For("profile"),
            ];
        }
        """);

    [Fact]
    public Task Endpoints_from_AddUrlRule_and_from_blueprint_base_classes_are_known() => VerifyAsync("""
        public abstract class Catalog
        {
            [Route("/")] public string List() => "x";
        }
        [Blueprint("books")] public partial class Books : Catalog { }

        static class Setup
        {
            static string Legacy() => "x";
            static App Configure(App app) => app.AddUrlRule("/legacy", Legacy).AddUrlRule("/old", Legacy, endpoint: "old");
            static string[] Links() => [Url.For("legacy"), Url.For("old"), Url.For("books.list"), Url.For("shelf.list"), Url.For({|#0:"legcy"|})];
        }
        """,
        new DiagnosticResult("FLG0110", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("legcy", "; did you mean 'legacy'?"));

    private static CodeFixTest<UrlForAnalyzer, UseTypedUrlForCodeFix> FixTest(string source, string fixedSource) =>
        new(source, fixedSource, ("Url.cs", Url), ("Flagon.cs", AnalyzerTest<UrlForAnalyzer>.FlagonStub), ("Views.cs", Views + """

            static class UrlFor
            {
                public static string Page(int pk, string? anchor = null, bool external = false) => "";
                public static class Admin { public static string Hello(string? anchor = null, bool external = false) => ""; }
            }
            """))
        {
            // FLG0112 is known once every endpoint is: a compilation-end (non-local) diagnostic.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };

    [Fact]
    public async Task The_fix_writes_the_typed_call_with_the_same_values_anchor_and_external()
    {
        var test = FixTest("""
            using Flagon;
            static class Links
            {
                static int number = 3;
                static string A() => {|#0:Url.For("page", new { pk = number + 1 }, "top", external: true)|};
                static string B() => {|#1:Url.For("admin.hello")|};
            }
            """, """
            using Flagon;
            static class Links
            {
                static int number = 3;
                static string A() => UrlFor.Page(pk: number + 1, anchor: "top", external: true);
                static string B() => UrlFor.Admin.Hello();
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(0).WithArguments("page", "UrlFor.Page"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FLG0112", DiagnosticSeverity.Info).WithLocation(1).WithArguments("admin.hello", "UrlFor.Admin.Hello"));
        await test.RunAsync();
    }
}
