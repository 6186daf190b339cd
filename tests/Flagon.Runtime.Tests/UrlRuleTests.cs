using Flagon.Routing;
using Flagon.Routing.RunTime;
using Microsoft.AspNetCore.Http;

namespace Flagon.Runtime.Tests;

/// <summary>
/// The seed's imperative form, <c>app.AddUrlRule("/", IndexView, endpoint: "index")</c>: compiled by the generator
/// (an interceptor) when its arguments are constants, bound at run time otherwise; both answer the same.
/// </summary>
public class UrlRuleTests
{
    private sealed class BareApp() : App([], []);

    internal static string PageView(int pk) => $"page view pk={pk}";

    internal static string SecretView(string? username = null) => $"secret view username={username ?? "None"}";

    private static App CreateApp(string dynamicRule)
    {
        var app = new BareApp();
        app.AddUrlRule("/", () => "index view", endpoint: "rule_index");
        app.AddUrlRule("/page/<int:pk>", PageView, endpoint: "rule_page");
        app.AddUrlRule("/secret", SecretView, methods: ["GET", "POST"]);
        app.AddUrlRule(dynamicRule, PageView, endpoint: "dynamic_page");
        return app;
    }

    private static async Task<(int Status, string Body)> SendAsync(App app, string method, string path)
    {
        var response = await InProcess.SendAsync(app.HandleRequestAsync, method, path);
        return (response.Status, response.Body);
    }

    [Fact]
    public void Literal_calls_are_compiled_and_a_computed_rule_is_bound_at_run_time()
    {
        var app = CreateApp("/dynamic/<int:pk>");

        var kinds = app.Router.Tables.Select(t => t.GetType().Name).Where(k => k != "StaticRouteTable").ToList();
        Assert.Equal(4, kinds.Count);
        Assert.All(kinds.Take(3), kind => Assert.StartsWith("UrlRuleTable", kind));
        Assert.Equal(nameof(RuntimeRouteTable), kinds[3]);
    }

    [Fact]
    public void A_run_time_tables_variable_counts_follow_its_rules_when_a_rule_reorders_them()
    {
        var table = new RuntimeRouteTable();
        table.Add("/<x>", (string x) => x, "one", null, null, strictSlashes: true);
        Assert.Equal(1, table.VariableCount(0));

        // A static part comes before a variable in Werkzeug's order: the new rule takes index 0 from the one read above.
        table.Add("/a/<x>/<y>", (string x, string y) => x + y, "two", null, null, strictSlashes: true);

        Assert.Equal("two", table.Rules[0].Endpoint);
        Assert.Equal(table.Rules.Select(r => r.Variables.Count), Enumerable.Range(0, table.Rules.Count).Select(table.VariableCount));
    }

    [Theory]
    [InlineData("GET", "/", 200, "index view")]
    [InlineData("GET", "/page/7", 200, "page view pk=7")]
    [InlineData("GET", "/page/x", 404, null)]
    [InlineData("POST", "/secret", 200, "secret view username=None")]
    [InlineData("GET", "/dynamic/8", 200, "page view pk=8")]
    [InlineData("GET", "/dynamic/-1", 404, null)]
    [InlineData("POST", "/dynamic/8", 405, null)]
    public async Task Compiled_and_run_time_rules_answer_alike(string method, string path, int status, string? body)
    {
        var app = CreateApp("/dynamic/<int:pk>");

        var response = await SendAsync(app, method, path);

        Assert.Equal(status, response.Status);
        if (body is not null)
        {
            Assert.Equal(body, response.Body);
        }
    }

    [Fact]
    public async Task A_run_time_rule_ending_in_a_slash_redirects_like_a_compiled_one()
    {
        var app = new BareApp();
        string rule = "/docs/";
        app.AddUrlRule(rule, () => "docs", endpoint: "docs");

        var redirected = await SendAsync(app, "GET", "/docs");
        var served = await SendAsync(app, "GET", "/docs/");

        Assert.Equal(308, redirected.Status);
        Assert.Equal((200, "docs"), (served.Status, served.Body));
    }

    internal static string MonthView(int year, int month) => $"month year={year} month={month}";

    internal static string TreeView(string dir, string name) => $"tree dir={dir} name={name}";

    [Theory]
    [InlineData("/month/2024-05", 200, "month year=2024 month=5")]
    [InlineData("/month/2024-", 404, null)]
    [InlineData("/tree/a/b/c.txt/", 200, "tree dir=a/b name=c")]
    [InlineData("/tree/a/b/c.txt", 308, null)]
    [InlineData("/tree/c.txt/", 404, null)]
    [InlineData("/span/a-b-c", 200, "span a-b c")]
    public async Task Run_time_rules_take_several_variables_in_a_part_and_after_a_path(string path, int status, string? body)
    {
        var app = new BareApp();
        string month = "/month/<int:year>-<int:month>", tree = "/tree/<path:dir>/<name>.txt/", span = "/span/<first>-<second>";
        app.AddUrlRule(month, MonthView, endpoint: "month");
        app.AddUrlRule(tree, TreeView, endpoint: "tree");
        app.AddUrlRule(span, (string first, string second) => $"span {first} {second}", endpoint: "span");

        var response = await SendAsync(app, "GET", path);

        Assert.Equal(status, response.Status);
        if (body is not null)
        {
            Assert.Equal(body, response.Body);
        }
        using (app.AppContext())
        {
            Assert.Equal("/month/2024-5", Url.For("month", new { year = 2024, month = 5 }));
            Assert.Equal("/tree/a/b/c.txt/", Url.For("tree", new { dir = "a/b", name = "c" }));
            // "/span/x-y-z" would match first = "x-y": refused, as the compiled builder refuses it.
            Assert.Throws<UrlBuildException>(() => Url.For("span", new { first = "x", second = "y-z" }));
        }
    }

    [Theory]
    [InlineData("/items/new", "run-time static")]
    [InlineData("/items/7", "compiled int 7")]
    [InlineData("/items/pen", "compiled string pen")]
    [InlineData("/things/special", "compiled static")]
    [InlineData("/things/7", "run-time int 7")]
    [InlineData("/things/pen", "compiled string pen")]
    public async Task Run_time_and_compiled_rules_are_tried_in_one_Werkzeug_order(string path, string body)
    {
        // Compiled tables (literal calls) and run-time rules (computed ones) interleave: static parts first, then
        // int before string, whichever table holds the rule and whenever it was added.
        var app = new BareApp();
        app.AddUrlRule("/items/<name>", (string name) => $"compiled string {name}", endpoint: "item_name");
        app.AddUrlRule("/items/<int:id>", (int id) => $"compiled int {id}", endpoint: "item_id");
        string itemsNew = "/items/new", thingsId = "/things/<int:id>";
        app.AddUrlRule(itemsNew, () => "run-time static", endpoint: "item_new");
        app.AddUrlRule(thingsId, (int id) => $"run-time int {id}", endpoint: "thing_id");
        app.AddUrlRule("/things/<name>", (string name) => $"compiled string {name}", endpoint: "thing_name");
        app.AddUrlRule("/things/special", () => "compiled static", endpoint: "thing_special");

        var response = await SendAsync(app, "GET", path);

        Assert.Equal((200, body), response);
    }

    internal static string DayView(DateOnly day) => $"day {day:yyyy-MM-dd}";

    [Fact]
    public async Task A_run_time_rule_may_name_the_programs_own_converters()
    {
        var app = new BareApp();
        string rule = "/d/<isodate:day>";
        app.AddUrlRule(rule, DayView, endpoint: "day");

        Assert.Equal((200, "day 2024-05-01"), await SendAsync(app, "GET", "/d/2024-05-01"));
        Assert.Equal(404, (await SendAsync(app, "GET", "/d/2024-02-30")).Status);
        using (app.AppContext())
        {
            Assert.Equal("/d/2024-05-01", Url.For("day", new { day = new DateOnly(2024, 5, 1) }));
            Assert.Equal("/d/2024-05-01", Url.For("day", new { day = "2024-05-01" }));
            Assert.Throws<UrlBuildException>(() => Url.For("day", new { day = "May Day" }));
        }
    }

    [Fact]
    public async Task A_run_time_rule_may_name_a_converter_of_a_referenced_library()
    {
        var app = new BareApp();
        string rule = "/b/<isbn:code>";
        app.AddUrlRule(rule, (string code) => $"book {code}", endpoint: "book");

        Assert.Equal((200, "book 9780306406157"), await SendAsync(app, "GET", "/b/9780306406157"));
        Assert.Equal(404, (await SendAsync(app, "GET", "/b/9780306406158")).Status);
        using (app.AppContext())
        {
            Assert.Equal("/b/9780306406157", Url.For("book", new { code = "9780306406157" }));
            Assert.Throws<UrlBuildException>(() => Url.For("book", new { code = "9780306406158" }));
        }
    }

    [Fact]
    public void Urls_are_built_for_both_kinds()
    {
        var app = CreateApp("/dynamic/<int:pk>");
        using (app.AppContext())
        {
            Assert.Equal("/", UrlFor.RuleIndex());
            Assert.Equal("/page/3", UrlFor.RulePage(pk: 3));
            Assert.Equal("/secret", UrlFor.SecretView());
            Assert.Equal("/dynamic/4?x=1", Url.For("dynamic_page", new Dictionary<string, object?> { ["pk"] = 4, ["x"] = 1 }));
            Assert.Contains("outside the rule's range", Assert.Throws<UrlBuildException>(() => Url.For("dynamic_page", new Dictionary<string, object?> { ["pk"] = -4 })).Message);
        }
    }

    /// <summary>Each bad rule and the error it gets: the same id and message as the diagnostic on a [Route] with that rule.</summary>
    public static readonly TheoryData<string, string?, string> BadRules = new()
    {
        { "page", null, "FLG0001: The rule 'page' must start with '/'" },
        { "/page/<int:pk", null, "FLG0002: The rule '/page/<int:pk' is not valid: '<' without a matching '>'" },
        { "/page/<integer:pk>", null, "FLG0003: The rule '/page/<integer:pk>' uses the unknown converter 'integer'; known converters are string, int, float, path, uuid, any, isbn, isodate, regex and slug" },
        { "/page/<isodate:pk>", null, "FLG0103: The rule variable 'pk' uses the converter 'isodate', which cannot bind to the parameter type 'int'" },
        { "/page/<slug(size=3):pk>", null, "FLG0005: The rule '/page/<slug(size=3):pk>' gives the converter 'slug' invalid arguments: no constructor of SlugConverter takes (size=3)" },
        { "/page/<pk>/<pk>", null, "FLG0004: The rule '/page/<pk>/<pk>' names the variable 'pk' more than once" },
        { "/page/<int(maximum=3):pk>", null, "FLG0005: The rule '/page/<int(maximum=3):pk>' gives the converter 'int' invalid arguments: int has no argument 'maximum'" },
        { "/page/<int(min=5, max=2):pk>", null, "FLG0005: The rule '/page/<int(min=5, max=2):pk>' gives the converter 'int' invalid arguments: min is greater than max" },
        { "/page", "pk=one", "FLG0007: The defaults 'pk=one' are not valid: 'one' is not a valid int for 'pk'" },
        { "/page", "id=1", "FLG0007: The defaults 'id=1' are not valid: the view has no parameter 'id'" },
        { "/page/<int:pk>", "pk=1", "FLG0007: The defaults 'pk=1' are not valid: 'pk' is a variable of the rule; a default gives a value the URL does not" },
        { "/page/<int:id>", null, "FLG0101: The rule variable 'id' has no parameter of that name in the view 'PageView'" },
        { "/page/<uuid:pk>", null, "FLG0103: The rule variable 'pk' uses the converter 'uuid', which cannot bind to the parameter type 'int'" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void A_bad_run_time_rule_is_refused_when_added_with_the_error_a_route_would_get(string rule, string? defaults, string error)
    {
        var app = new BareApp();

        var refused = Assert.Throws<ArgumentException>(() => app.AddUrlRule(rule, PageView, defaults: defaults));

        Assert.StartsWith(error + " (Parameter", refused.Message);
    }

    [Fact]
    public async Task A_run_time_int_is_clamped_to_its_parameter_type_as_a_compiled_one_is()
    {
        var app = new BareApp();
        string rule = "/n/<int:pk>";
        app.AddUrlRule(rule, PageView);

        Assert.Equal(200, (await SendAsync(app, "GET", "/n/2147483647")).Status);
        Assert.Equal(404, (await SendAsync(app, "GET", "/n/2147483648")).Status);
    }

    [Fact]
    public async Task Setup_methods_refuse_once_the_app_has_handled_a_request_as_flasks_do()
    {
        var app = new SetupApp();
        app.AddUrlRule("/before", () => "before");   // fine: nothing served yet
        var served = await InProcess.SendAsync(app.HandleRequestAsync, "GET", "/before");

        var rule = Assert.Throws<InvalidOperationException>(() => app.AddUrlRule("/late", () => "late"));
        var hook = Assert.Throws<InvalidOperationException>(() => app.BeforeRequest(() => null));
        var blueprint = Assert.Throws<InvalidOperationException>(() => app.RegisterBlueprint<AdminBlueprint>());

        Assert.Equal((200, "before"), (served.Status, served.Body));
        Assert.Equal("The setup method 'AddUrlRule' can no longer be called on the app 'setup'. It has already handled its first request, "
            + "so any changes would not apply consistently. Make sure everything the app needs is set up before it serves.", rule.Message);
        Assert.Contains("'BeforeRequest'", hook.Message);
        Assert.Contains("'RegisterBlueprint'", blueprint.Message);
    }

    private sealed class SetupApp() : App(["--applicationName", "setup"], Routing.RouteTableRegistry.Tables);
}
