using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.TemplateAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0302 (a Template.Render literal naming no template), FLG0303–FLG0305 (url_for in a template: unknown endpoint, missing values, values that do not fit).</summary>
public class TemplateAnalyzerTests
{
    private const string Views = """
        using Flagon;
        static class Views
        {
            [Route("/")]
            public static string Index() => "x";

            [Route("/page/<int:pk>")]
            public static string Page(int pk) => "x";
        }

        [Blueprint("admin")]
        partial class Admin
        {
            [Route("/")]
            public static string Dashboard() => "x";
        }
        """;

    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private static Task RunAsync(string source, (string Path, string Text)[] templates, params DiagnosticResult[] expected)
    {
        var test = new Verify(Views + source);
        foreach (var template in templates)
        {
            test.TestState.AdditionalFiles.Add(template);
        }
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    [Fact]
    public async Task A_template_is_checked_when_it_alone_is_analysed_as_the_IDE_does_for_an_open_template()
    {
        var page = new Text("/app/templates/page.html", "<a href=\"{{ url_for('idnex') }}\">home</a> <a href=\"{{ url_for('page') }}\">p</a>");
        var other = new Text("/app/templates/other.html", "{{ url_for('nope') }}");
        var open = new OpenDocumentAnalysis(new TemplateAnalyzer(), [AnalyzerTest<TemplateAnalyzer>.FlagonStub, Views], page, other);

        var diagnostics = await open.OfAdditionalFile(page);

        Assert.Equal(["FLG0303", "FLG0304"], diagnostics.Select(d => d.Id).Order());
        Assert.All(diagnostics, d => Assert.Equal(page.Path, d.Location.GetLineSpan().Path));
        Assert.Contains("did you mean 'index'?", diagnostics.Single(d => d.Id == "FLG0303").GetMessage());
    }

    [Fact]
    public Task A_render_of_a_template_that_exists_reports_nothing_and_a_missing_one_is_underlined() => RunAsync("""
        static class Pages
        {
            static Response Good() => Template.Render("page.html", new { title = "t" });
            static Response Nested() => Template.Render("admin/index.html");
            static Response Bad() => Template.Render({|#0:"pgae.html"|});
            static Response Computed(string name) => Template.Render(name);
        }
        """,
        [("/app/templates/page.html", "<p>{{ title }}</p>"), ("/app/templates/admin/index.html", "admin")],
        Warning("FLG0302").WithLocation(0).WithArguments("pgae.html", "admin/index.html, page.html"));

    [Fact]
    public Task Without_template_files_nothing_is_checked() => RunAsync("""
        static class Pages
        {
            static Response Bad() => Template.Render("anything.html");
        }
        """,
        []);

    [Fact]
    public Task A_template_url_for_of_an_unknown_endpoint_is_reported_in_the_template_with_a_suggestion() => RunAsync("""
        static class Setup
        {
        }
        """,
        [("/app/templates/base.html", """
            <a href="{{ url_for("index") }}">home</a>
            <a href="{{ url_for('page', pk=1) }}">one</a>
            <a href="{{ url_for("admin.dashboard") }}">admin</a>
            <a href="{{ url_for("staff.dashboard") }}">staff</a>
            <a href="{{ url_for("static", filename: "a.css") }}">css</a>
            <a href="{{ url_for(".dashboard") }}">relative</a>
            <a href="{{ url_for("idnex") }}">typo</a>
            """)],
        Warning("FLG0303").WithSpan("/app/templates/base.html", 7, 22, 7, 27).WithArguments("base.html", "idnex", "; did you mean 'index'?"));

    [Fact]
    public Task A_template_url_for_without_the_values_its_rules_need_or_with_a_literal_that_does_not_fit_is_reported() => RunAsync("""
        static class Setup
        {
        }
        """,
        [("/app/templates/values.html", """
            <a href="{{ url_for('page') }}">no pk</a>
            <a href="{{ url_for('page', pk='first') }}">bad</a>
            <a href="{{ url_for('page', pk: -1) }}">negative</a>
            <a href="{{ url_for('page', pk=post.id) }}">expression</a>
            <a href="{{ url_for('page', pk: 2, _anchor='top') }}">anchor</a>
            <a href="{{ url_for("page", pk="7") }}">text</a>
            <a href="{{ url_for('page', pk=1.5) }}">fraction</a>
            <a href="{{ url_for('index', sort='new') }}">query</a>
            """)],
        Warning("FLG0304").WithSpan("/app/templates/values.html", 1, 22, 1, 26).WithArguments("values.html", "page", "'pk'"),
        Warning("FLG0305").WithSpan("/app/templates/values.html", 2, 32, 2, 39).WithArguments("values.html", "page", "pk", "the value 'first'", "int"),
        Warning("FLG0305").WithSpan("/app/templates/values.html", 3, 33, 3, 35).WithArguments("values.html", "page", "pk", "the value -1", "int"),
        Warning("FLG0305").WithSpan("/app/templates/values.html", 7, 32, 7, 35).WithArguments("values.html", "page", "pk", "the value 1.5", "int"));

    [Fact]
    public Task The_endpoint_of_a_view_whose_rule_has_an_error_is_known_in_templates() => RunAsync("""
        static class More
        {
            [Route("/profile/<username>")] public static string Profile(string name) => name;
        }
        """,
        [("/app/templates/links.html", """<a href="{{ url_for('profile', username='ann') }}">me</a>""")]);
}
