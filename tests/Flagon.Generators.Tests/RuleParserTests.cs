using Flagon.Generators.Shared;

namespace Flagon.Generators.Tests;

public class RuleParserTests
{
    [Fact]
    public void A_static_rule_is_one_static_part()
    {
        var rule = RuleParser.Parse("/about/team");

        Assert.Null(rule.Error);
        Assert.True(rule.IsStatic);
        Assert.Equal("/about/team", Assert.Single(rule.Parts).Text);
    }

    [Fact]
    public void Variables_have_their_converter_arguments_and_span()
    {
        var rule = RuleParser.Parse("/page/<int(min=1):pk>/<slug>");

        Assert.Null(rule.Error);
        Assert.Collection(
            rule.Parts,
            p => Assert.Equal(("/page/", false), (p.Text, p.IsVariable)),
            p =>
            {
                Assert.Equal(("pk", "int", "min=1"), (p.Text, p.Converter, p.Arguments));
                Assert.Equal((6, 15), (p.Start, p.Length));
            },
            p => Assert.Equal("/", p.Text),
            p => Assert.Equal(("slug", ""), (p.Text, p.Converter)));
    }

    [Theory]
    [InlineData("page", "MissingLeadingSlash", 0, 1)]
    [InlineData("", "MissingLeadingSlash", 0, 0)]
    [InlineData("/a/<int:pk", "Syntax", 3, 7)]
    [InlineData("/a/int:pk>", "Syntax", 9, 1)]
    [InlineData("/a/<integer:pk>", "UnknownConverter", 4, 7)]
    [InlineData("/a/<int:1pk>", "Syntax", 8, 3)]
    [InlineData("/a/<x>/<x>", "DuplicateVariable", 7, 3)]
    [InlineData("/a/<int(min=1:pk>", "Syntax", 4, 12)]
    public void Errors_carry_their_kind_and_span(string text, string kind, int start, int length)
    {
        var error = RuleParser.Parse(text).Error;

        Assert.NotNull(error);
        Assert.Equal((kind, start, length), (error.Kind.ToString(), error.Start, error.Length));
    }

    [Theory]
    [InlineData("Hello", "hello")]
    [InlineData("DefaultPage", "default_page")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("Page2Edit", "page2_edit")]
    [InlineData("already_snake", "already_snake")]
    public void Endpoints_are_named_in_snake_case_like_Flask_functions(string method, string endpoint) =>
        Assert.Equal(endpoint, ViewBinder.ToSnakeCase(method));
}
