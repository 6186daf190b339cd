using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.RuleAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class RuleAnalyzerTests
{
    private static string Views(string rule, string parameters = "") => $$"""
        using Flagon;
        static class Views
        {
            [Route({{rule}})]
            public static string View({{parameters}}) => "x";
        }
        """;

    private static DiagnosticResult Error(string id) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0);

    [Fact]
    public Task Valid_rules_report_nothing() => Verify.VerifyAsync("""
        using Flagon;
        enum Tone { Light, Dark }
        static class Views
        {
            [Route("/page", Defaults = "pk=1")]
            [Route("/page/<int:pk>")]
            public static string Page(int pk) => "x";

            [Route("/files/<path:name>/edit", Methods = ["GET"])]
            [Route("/x/<any(a, b):kind>/<uuid:id>")]
            public static string Files(System.Guid? id, string? name = null, string kind = "a") => "x";

            [Route("/n/<int(min=1, max=5):n>/<float(signed=True):x>/<string(length=2):code>/<tone>/<big>")]
            public static string Numbers(int n, double x, string code, Tone tone, long big, Microsoft.Services.IClock clock) => "x";
        }
        namespace Microsoft.Services { public interface IClock { } }
        """);

    [Fact]
    public Task FLG0001_a_rule_without_leading_slash_underlines_its_first_character() =>
        Verify.VerifyAsync(Views("\"{|#0:p|}age\""), Error("FLG0001").WithArguments("page"));

    [Fact]
    public Task FLG0002_an_unclosed_variable_underlines_from_its_bracket() =>
        Verify.VerifyAsync(Views("\"/a/{|#0:<int:pk|}\""), Error("FLG0002").WithArguments("/a/<int:pk", "'<' without a matching '>'"));

    [Fact]
    public Task FLG0003_an_unknown_converter_underlines_its_name() =>
        Verify.VerifyAsync(Views("\"/a/<{|#0:integer|}:pk>\""), Error("FLG0003").WithArguments("/a/<integer:pk>", "integer", "string, int, float, path, uuid and any"));

    private const string Slug = """
        [RouteConverter("slug")]
        public sealed class SlugConverter(int maxLength = 40) : Flagon.Routing.RouteConverter<string>
        {
            public override bool TryParse(System.ReadOnlySpan<char> text, out string value) { value = new string(text); return text.Length <= maxLength; }
        }
        """;

    [Fact]
    public Task A_converter_of_the_programs_own_is_a_converter_like_any_other() =>
        Verify.VerifyAsync(Views("\"/a/<slug:s>/<slug(10):t>/<slug(maxLength=5):u>\"", "string s, string t, string u") + Slug);

    [Fact]
    public Task FLG0003_lists_the_programs_own_converters_too() =>
        Verify.VerifyAsync(Views("\"/a/<{|#0:slog|}:s>\"", "string s") + Slug,
            Error("FLG0003").WithArguments("/a/<slog:s>", "slog", "string, int, float, path, uuid, any and slug"));

    [Fact]
    public Task FLG0103_a_converter_of_the_programs_own_binds_to_its_value_type_only() =>
        Verify.VerifyAsync(Views("\"/a/{|#0:<slug:s>|}\"", "int s") + Slug,
            Error("FLG0103").WithArguments("s", "slug", "int"));

    [Fact]
    public Task FLG0005_arguments_no_constructor_takes() =>
        Verify.VerifyAsync(Views("\"/a/{|#0:<slug(size=3):s>|}\"", "string s") + Slug,
            Error("FLG0005").WithArguments("/a/<slug(size=3):s>", "slug", "no constructor of SlugConverter takes (size=3)"));

    [Fact]
    public Task FLG0004_a_repeated_variable_underlines_the_second_one() =>
        Verify.VerifyAsync(Views("\"/a/<x>/{|#0:<x>|}\"", "string x"), Error("FLG0004").WithArguments("/a/<x>/<x>", "x"));

    [Fact]
    public Task FLG0005_bad_converter_arguments_underline_the_variable() =>
        Verify.VerifyAsync(Views("\"/a/{|#0:<int(min=x):pk>|}\"", "int pk"),
            Error("FLG0005").WithArguments("/a/<int(min=x):pk>", "int", "'min' must be a whole number, not 'x'"));

    [Fact]
    public Task FLG0005_an_unknown_converter_argument_is_named() =>
        Verify.VerifyAsync(Views("\"/a/{|#0:<int(maximum=3):pk>|}\"", "int pk"),
            Error("FLG0005").WithArguments("/a/<int(maximum=3):pk>", "int", "int has no argument 'maximum'"));

    [Fact]
    public Task FLG0006_more_variables_than_a_match_carries() =>
        Verify.VerifyAsync(Views("\"{|#0:/<v0>/<v1>/<v2>/<v3>/<v4>/<v5>/<v6>/<v7>/<v8>/<v9>/<v10>/<v11>/<v12>/<v13>/<v14>/<v15>/<v16>|}\"", "string v0, string v1, string v2, string v3, string v4, string v5, string v6, string v7, string v8, string v9, string v10, string v11, string v12, string v13, string v14, string v15, string v16"),
            Error("FLG0006").WithArguments("/<v0>/<v1>/<v2>/<v3>/<v4>/<v5>/<v6>/<v7>/<v8>/<v9>/<v10>/<v11>/<v12>/<v13>/<v14>/<v15>/<v16>", "a rule may have at most 16 variables"));

    [Fact]
    public Task Several_variables_in_one_part_and_variables_after_a_path_are_rules_like_any_other() =>
        Verify.VerifyAsync(Views("\"/a/<x>-<y>/<path:p>/<int:n>.txt\"", "string x, string y, string p, int n"));

    [Fact]
    public Task FLG0007_defaults_naming_no_parameter() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/page", {|#0:Defaults = "pk=1"|})]
            public static string Page() => "x";
        }
        """,
        Error("FLG0007").WithArguments("pk=1", "the view has no parameter 'pk'"));

    [Fact]
    public Task FLG0007_a_default_of_the_wrong_type() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/page", {|#0:Defaults = "pk=one"|})]
            public static string Page(int pk) => "x";
        }
        """,
        Error("FLG0007").WithArguments("pk=one", "'one' is not a valid int for 'pk'"));

    [Fact]
    public Task FLG0101_a_rule_variable_without_parameter_underlines_the_variable() =>
        Verify.VerifyAsync(Views("\"/page/{|#0:<int:pk>|}\""), Error("FLG0101").WithArguments("pk", "View"));

    [Fact]
    public Task FLG0102_a_parameter_nothing_fills_is_underlined() =>
        Verify.VerifyAsync(Views("\"/page\"", "int {|#0:pk|}"), Error("FLG0102").WithArguments("pk", "View"));

    [Fact]
    public Task FLG0103_a_converter_that_does_not_fit_the_parameter_type() =>
        Verify.VerifyAsync(Views("\"/page/{|#0:<int:pk>|}\"", "System.Guid pk"), Error("FLG0103").WithArguments("pk", "int", "System.Guid"));

    [Fact]
    public Task FLG0103_a_parameter_type_no_converter_binds() =>
        Verify.VerifyAsync(Views("\"/page/<pk>\"", "decimal {|#0:pk|}"), Error("FLG0103").WithArguments("pk", "string", "decimal"));

    [Fact]
    public Task FLG0104_an_unsupported_return_type_underlines_the_view() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/")]
            public static System.Threading.Tasks.Task {|#0:View|}() => null!;
        }
        """,
        Error("FLG0104").WithArguments("View", "System.Threading.Tasks.Task"));

    [Fact]
    public Task FLG0105_a_private_view_cannot_be_called() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/")]
            private static string {|#0:View|}() => "x";
        }
        """,
        Error("FLG0105").WithArguments("View", "it is private; make it public or internal"));

    [Fact]
    public Task FLG0105_generic_views_and_views_of_generic_classes_cannot_be_called() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/a")]
            public static string {|#0:View|}<T>() => typeof(T).Name;
        }
        static class Box<T>
        {
            [Route("/b")]
            public static string {|#1:Inner|}() => typeof(T).Name;
        }
        """,
        Error("FLG0105").WithArguments("View", "it is generic; the route table cannot choose its type arguments"),
        new DiagnosticResult("FLG0105", DiagnosticSeverity.Error).WithLocation(1).WithArguments("Inner", "its class 'Box' is generic; the route table cannot choose its type arguments"));

    [Fact]
    public Task Instance_views_of_an_abstract_class_are_blueprint_base_views_but_a_class_without_constructor_is_not() => Verify.VerifyAsync("""
        using Flagon;
        public abstract class CatalogViews
        {
            [Route("/")]
            public string List() => "x";
        }
        public class NoConstructor
        {
            private NoConstructor() { }
            [Route("/other")]
            public string {|#0:View|}() => "x";
        }
        """,
        Error("FLG0105").WithArguments("View", "it is an instance method, so 'NoConstructor' needs a public constructor (or make the view static)"));

    [Fact]
    public Task A_rule_from_a_constant_underlines_the_whole_argument() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            const string Rule = "nope";
            [Route({|#0:Rule|})]
            public static string View() => "x";
        }
        """,
        Error("FLG0001").WithArguments("nope"));

    [Fact]
    public Task Other_attributes_named_Route_are_ignored() => Verify.VerifyAsync("""
        namespace Other { [System.AttributeUsage(System.AttributeTargets.Method)] class RouteAttribute(string r) : System.Attribute { } }
        static class Views
        {
            [Other.Route("no-slash")]
            public static string View(int unfilled) => "x";
        }
        """);

    [Fact]
    public Task FLG0102_a_view_parameter_that_no_service_can_be() => Verify.VerifyAsync("""
        using Flagon;
        static class Views
        {
            [Route("/a")]
            public static string A(HttpError {|#0:error|}) => "";

            [Route("/b")]
            public static string B(Response {|#1:response|}) => "";
        }
        """,
        Error("FLG0102").WithArguments("error", "A"),
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(1).WithArguments("response", "B"));
}
