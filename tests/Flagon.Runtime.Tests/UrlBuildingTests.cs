using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>
/// URL building: the generated typed UrlFor and Url.For by name, with Werkzeug's rules (defaults, extra values as
/// query, anchors, external URLs, encoding) and Flagon's checks (a value its rule would not match is refused).
/// </summary>
// The builders run in lambdas given to InApp, which pushes the app context the analyzer cannot see into.
#pragma warning disable FLG0202
// Unknown endpoints and missing values are built on purpose, to see the run-time errors behind FLG0110/FLG0111.
#pragma warning disable FLG0110, FLG0111
public class UrlBuildingTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    private T InApp<T>(Func<T> build)
    {
        using (harness.App.AppContext())
        {
            return build();
        }
    }

    [Fact]
    public void Several_values_in_one_part_and_values_after_a_path_build_as_Werkzeug_builds_them() => InApp(() =>
    {
        // Each expected URL is what Werkzeug 2.2.2's MapAdapter.build gives for the same rule and values.
        Assert.Equal("/month/2024-5", UrlFor.Month(year: 2024, month: 5));
        Assert.Equal("/month/2024-5", Url.For("month", new { year = 2024, month = 5 }));
        Assert.Equal("/report/a.b.json", UrlFor.Report(name: "a.b", fmt: "json"));
        Assert.Equal("/dl/a/b/c.txt", UrlFor.Download(dir: "a/b", name: "c"));
        Assert.Equal("/tree/x/y/", UrlFor.Tree(p: "x/y"));
        Assert.Equal("/v1.2/", UrlFor.Version(major: 1, minor: 2));
        Assert.Equal("/span/x-y-z", UrlFor.Span(first: "x-y", second: "z"));
        return 0;
    });

    [Fact]
    public void Converters_of_your_own_write_their_values_and_refuse_those_they_would_not_read_back() => InApp(() =>
    {
        var may = new DateOnly(2024, 5, 1);

        Assert.Equal("/day/2024-05-01", UrlFor.Day(day: may));
        Assert.Equal("/day/2024-05-01", Url.For("day", new { day = may }));
        // Url.For and templates may give the text: the converter reads it.
        Assert.Equal("/day/2024-05-01", Url.For("day", new { day = "2024-05-01" }));
        Assert.Equal("/between/2024-05-01_2024-06-30", UrlFor.Between(start: may, end: new DateOnly(2024, 6, 30)));
        Assert.Equal("/posts/hello-you", UrlFor.Post(title: "hello-you"));
        Assert.Equal("/code/abc", UrlFor.Code(code: "abc"));
        // A value its converter would not read back (too long a slug, not a slug, not three letters) is refused.
        Assert.Throws<UrlBuildException>(() => UrlFor.Post(title: "hello-world"));
        Assert.Throws<UrlBuildException>(() => UrlFor.Post(title: "Hello"));
        Assert.Throws<UrlBuildException>(() => UrlFor.Code(code: "abcd"));
        Assert.Throws<UrlBuildException>(() => Url.For("day", new { day = "tomorrow" }));
        return 0;
    });

    [Fact]
    public void Values_that_would_split_back_differently_are_refused() => InApp(() =>
    {
        // "/span/x-y-z" matches first = "x-y", second = "z": the values given would not come back.
        var split = Assert.Throws<UrlBuildException>(() => UrlFor.Span(first: "x", second: "y-z"));
        Assert.Contains("'x-y-z' would not match back", split.Message);
        Assert.Throws<UrlBuildException>(() => Url.For("span", new { first = "x", second = "y-z" }));
        // A path value before the rule's trailing slash cannot end with one.
        Assert.Throws<UrlBuildException>(() => UrlFor.Tree(p: "x/"));
        return 0;
    });

    [Fact]
    public void The_seeds_slide_11_in_typed_form() => InApp(() =>
    {
        Assert.Equal("/", UrlFor.Index());
        Assert.Equal("/page", UrlFor.DefaultPage());
        Assert.Equal("/page/1", UrlFor.Page(pk: 1));
        Assert.Equal("/secret/user?foo=bar", UrlFor.Secret(username: "user", query: [new("foo", "bar")]));
        Assert.Equal("/secret", UrlFor.Secret());
        return 0;
    });

    [Fact]
    public void Non_ascii_rule_text_and_values_are_percent_encoded_as_utf8_as_werkzeug_quotes_them() => InApp(() =>
    {
        Assert.Equal("/%D0%BB%D0%BE%D1%88%D0%B0%D0%B4%D1%8C", UrlFor.Horse());
        Assert.Equal("/%D0%BB%D0%BE%D1%88%D0%B0%D0%B4%D1%8C", Url.For("horse"));
        Assert.Equal("/caf%C3%A9/cr%C3%A8me%20br%C3%BBl%C3%A9e", UrlFor.Cafe(name: "crème brûlée"));
        Assert.Equal("/caf%C3%A9/%F0%9F%90%B4?q=%D0%B4%D0%B0", Url.For("cafe", new Dictionary<string, object?> { ["name"] = "🐴", ["q"] = "да" }));
        return 0;
    });

    [Fact]
    public void A_list_value_is_a_repeated_query_key_as_werkzeug_writes_it() => InApp(() =>
    {
        Assert.Equal("/page/1?tag=a&tag=b%20c&n=1&n=2", Url.For("page", new Dictionary<string, object?> { ["pk"] = 1, ["tag"] = new[] { "a", "b c" }, ["n"] = new List<int> { 1, 2 } }));
        Assert.Equal("/page/1?tag=x", Url.For("page", new Dictionary<string, object?> { ["pk"] = 1, ["tag"] = new[] { null, "x" } }));
        return 0;
    });

    [Fact]
    public void Floats_are_written_as_plain_decimals_the_converter_matches() => InApp(() =>
    {
        Assert.Equal("/float/1.5", UrlFor.Float(x: 1.5));
        Assert.Equal("/float/2.0", UrlFor.Float(x: 2));
        Assert.Equal("/float/0.00001", UrlFor.Float(x: 1e-5));
        Assert.Equal("/float/0.000000000000000000000123", UrlFor.Float(x: 1.23e-22));
        Assert.Equal("/float/1200000000000000000000.0", UrlFor.Float(x: 1.2e21));
        Assert.Equal("/float/0.0", UrlFor.Float(x: -0.0));
        Assert.Throws<UrlBuildException>(() => UrlFor.Float(x: double.PositiveInfinity));
        return 0;
    });

    [Fact]
    public void The_seeds_slide_11_by_endpoint_name() => InApp(() =>
    {
        Assert.Equal("/", Url.For("index"));
        Assert.Equal("/page", Url.For("default_page"));
        Assert.Equal("/page/1", Url.For("page", new Dictionary<string, object?> { ["pk"] = 1 }));
        Assert.Equal("/secret/user?foo=bar", Url.For("secret", new Dictionary<string, object?> { ["username"] = "user", ["foo"] = "bar" }));
        Assert.Equal("/page/2", Url.For("page", new Dictionary<string, object?> { ["pk"] = "2" }));
        return 0;
    });

    [Fact]
    public void A_value_equal_to_a_rules_default_stays_out_of_the_url() => InApp(() =>
    {
        Assert.Equal("/archive", UrlFor.Archive());
        Assert.Equal("/archive", UrlFor.Archive(year: 2024));
        Assert.Equal("/archive/2023", UrlFor.Archive(year: 2023));
        Assert.Equal("/archive", Url.For("archive", new Dictionary<string, object?> { ["year"] = 2024 }));
        Assert.Equal("/archive/1999", Url.For("archive", new Dictionary<string, object?> { ["year"] = 1999 }));
        return 0;
    });

    [Fact]
    public void Outside_any_context_building_a_url_says_to_push_an_app_context_as_Flask_does()
    {
        var app = new ConfiguredApp();

        var error = Assert.Throws<InvalidOperationException>(() => UrlFor.Index());

        Assert.StartsWith("Working outside of application context", error.Message);
        Assert.Contains("app.AppContext()", error.Message);
        using (app.AppContext())
        {
            Assert.Equal("/", UrlFor.Index());
        }
    }

    [Fact]
    public void Anchor_query_encoding_and_external() => InApp(() =>
    {
        Assert.Equal("/#top", UrlFor.Index(anchor: "top"));
        Assert.Equal("/?q=a%20b%26c&x=%C3%BC", UrlFor.Index(query: [new("q", "a b&c"), new("x", "ü")]));
        Assert.Equal("/users/a%20b%2Fc", UrlFor.UserByName(name: "a b/c"));
        Assert.Equal("/users/j%C3%BCrgen", UrlFor.UserByName(name: "jürgen"));
        Assert.Equal("/files/a/b%20c.txt", UrlFor.File(name: "a/b c.txt"));
        Assert.Equal("/export/report.json", UrlFor.ExportJson(name: "report"));
        return 0;
    });

    // Flask code passes its url_for keywords among the values; Url.For takes them there too.
    [Fact]
    public void Flasks_underscore_keywords_among_the_values_are_keywords_not_query_values()
    {
        using (harness.App.TestRequestContext("/", headers: new Dictionary<string, string> { ["Host"] = "example.com" }))
        {
            Assert.Equal("/#a%20b", Url.For("index", new Dictionary<string, object?> { ["_anchor"] = "a b" }));
            Assert.Equal("/users/x?q=1#top", Url.For("user_by_name", new { name = "x", q = 1, _anchor = "top" }));
            Assert.Equal("http://example.com/", Url.For("index", new Dictionary<string, object?> { ["_external"] = true }));
            Assert.Equal("/", Url.For("index", new Dictionary<string, object?> { ["_external"] = false }));
            Assert.Equal("https://example.com/", Url.For("index", new Dictionary<string, object?> { ["_external"] = true, ["_scheme"] = "https" }));
            // Flask: "When specifying '_scheme', '_external' must be True."
            Assert.Contains("'_external' must be true", Assert.Throws<ArgumentException>(() => Url.For("index", new Dictionary<string, object?> { ["_scheme"] = "https" })).Message);
            Assert.Contains("'_method'", Assert.Throws<ArgumentException>(() => Url.For("index", new Dictionary<string, object?> { ["_method"] = "POST" })).Message);
        }
    }

    [Fact]
    public void Values_are_written_in_the_form_their_converter_matches() => InApp(() =>
    {
        Assert.Equal("/year/0024", UrlFor.Year(year: 24));
        Assert.Equal("/float/1.0", UrlFor.Float(x: 1.0));
        Assert.Equal("/float/2.5", UrlFor.Float(x: 2.5));
        Assert.Equal("/shade/dark", UrlFor.Shade(tone: Tone.Dark));
        Assert.Equal("/shade/light", Url.For("shade", new Dictionary<string, object?> { ["tone"] = "Light" }));
        Assert.Equal("/items/0f8fad5b-d9cb-469f-a165-70867728950e", UrlFor.Item(id: Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E")));
        Assert.Equal("/signed/-5", UrlFor.Signed(n: -5));
        Assert.Equal("/color/blue", UrlFor.Color(color: "blue"));
        return 0;
    });

    [Theory]
    [InlineData("in_range", "n", 11, "outside the rule's range [1, 10]")]
    [InlineData("in_range", "n", 0, "outside the rule's range [1, 10]")]
    [InlineData("page", "pk", -1, "outside the rule's range")]
    [InlineData("year", "year", 12345, "longer than the rule's 4 fixed digits")]
    [InlineData("color", "color", "purple", "not one of red, green, blue")]
    [InlineData("lang", "code", "eng", "the rule wants 2 to 2")]
    [InlineData("user_by_name", "name", "", "the rule wants 1 to any number of")]
    [InlineData("file", "name", "/etc/passwd", "must be a non-empty path that does not start with '/'")]
    [InlineData("user_by_name", "name", "a%2Fb", "'%2F'")]
    [InlineData("page", "pk", "x", "'pk' must be a Int32, not 'x'")]
    public void A_value_its_rule_would_not_match_is_refused(string endpoint, string name, object value, string reason)
    {
        var error = Assert.Throws<UrlBuildException>(() => InApp(() => Url.For(endpoint, new Dictionary<string, object?> { [name] = value })));

        Assert.Equal(endpoint, error.Endpoint);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith($"Could not build url for endpoint '{endpoint}'", error.Message);
    }

    [Fact]
    public void Unknown_endpoints_and_missing_values_are_named()
    {
        var unknown = Assert.Throws<UrlBuildException>(() => InApp(() => Url.For("pgae")));
        var missing = Assert.Throws<UrlBuildException>(() => InApp(() => Url.For("page")));

        Assert.Contains("no such endpoint. Did you mean 'page'?", unknown.Message);
        Assert.Contains("missing value for 'pk'", missing.Message);
    }

    [Fact]
    public void Building_a_static_endpoints_url_allocates_nothing()
    {
        using (harness.App.AppContext())
        {
            UrlFor.About();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var url = UrlFor.About();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal("/about", url);
            Assert.Equal(0, allocated);
        }
    }

    [Fact]
    public void Building_a_parametrised_url_allocates_only_its_string()
    {
        using (harness.App.AppContext())
        {
            UrlFor.Page(pk: 12345);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var url = UrlFor.Page(pk: 12345);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal("/page/12345", url);
            // A string of 11 chars: 22 bytes of text, its header and length, rounded up.
            Assert.True(allocated <= 48, $"allocated {allocated} bytes");
        }
    }

    [Fact]
    public void External_urls_outside_a_request_use_the_configured_origin()
    {
        var app = new ConfiguredApp("--SERVER_NAME", "example.com:8080", "--PREFERRED_URL_SCHEME", "https", "--APPLICATION_ROOT", "/shop/");
        using (app.AppContext())
        {
            Assert.Equal("https://example.com:8080/shop/page/1", UrlFor.Page(pk: 1, external: true));
            Assert.Equal("/shop/page/1", UrlFor.Page(pk: 1));
        }
        var proxied = new ConfiguredApp("--PUBLIC_ORIGIN", "https://public.example/");
        using (proxied.AppContext())
        {
            Assert.Equal("https://public.example/", UrlFor.Index(external: true));
        }
        var bare = new ConfiguredApp();
        using (bare.AppContext())
        {
            var error = Assert.Throws<InvalidOperationException>(() => UrlFor.Index(external: true));
            Assert.Contains("PUBLIC_ORIGIN", error.Message);
        }
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Inside_a_request_urls_use_its_host(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/links");

        Assert.Matches(@"^/page/3 http://(127\.0\.0\.1:\d+|localhost)/secret$", response.Body);
    }

    [Fact]
    public async Task A_configured_public_origin_wins_inside_a_request_too()
    {
        var app = new ConfiguredApp("--PUBLIC_ORIGIN", "https://public.example");

        var response = await InProcess.SendAsync(app.HandleRequestAsync, "GET", "/links", host: "10.0.0.5:8080");

        Assert.Equal("/page/3 https://public.example/secret", response.Body);
    }

    [Fact]
    public async Task A_non_ascii_prefix_and_application_root_are_percent_encoded_and_still_match()
    {
        var app = new ConfiguredApp("--APPLICATION_ROOT", "/ünï").RegisterBlueprint<AdminBlueprint>(urlPrefix: "/über");
        string built;
        using (app.AppContext())
        {
            built = UrlFor.AdminBlueprint.User(id: 7);
        }
        var static_ = InAppUrl(app, () => Url.For("static", new Dictionary<string, object?> { ["filename"] = "é.css" }));

        var response = await InProcess.SendAsync(app.HandleRequestAsync, "GET", "/über/users/7");

        Assert.Equal("/%C3%BCn%C3%AF/%C3%BCber/users/7", built);
        Assert.Equal("/%C3%BCn%C3%AF/static/%C3%A9.css", static_);
        Assert.Equal(200, response.Status);
    }

    private static string InAppUrl(App app, Func<string> build)
    {
        using (app.AppContext())
        {
            return build();
        }
    }

    [Fact]
    public void The_url_map_prints_like_Werkzeugs()
    {
        var text = harness.App.UrlMap.ToString();

        Assert.StartsWith("Map([<Rule '/admin/reports/<int:year>' (GET, HEAD, OPTIONS) -> admin.reports.year>,", text);
        Assert.Contains("<Rule '/page' (GET, HEAD, OPTIONS) -> default_page>", text);
        Assert.Equal(2, harness.App.UrlMap.ForEndpoint("archive").Count());
    }

    private sealed class ConfiguredApp(params string[] args) : App(args, Routing.RouteTableRegistry.Tables);
}
