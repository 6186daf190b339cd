namespace Flagon.Runtime.Tests;

/// <summary>
/// Werkzeug's and Flask's documented routing behaviour, case by case, each run in process and over real HTTP
/// on Kestrel: matching and priority, converters and their options, trailing-slash redirects, 405 with Allow,
/// HEAD and OPTIONS, percent-decoding.
/// </summary>
public class RoutingConformanceTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    /// <summary>Request → expected status and body (a null body is not checked).</summary>
    public static readonly TheoryData<string, string, int, string?> Cases = new()
    {
        // Static rules and the seed's slide 10.
        { "GET", "/", 200, "index" },
        { "GET", "/page", 200, "page pk=1" },
        { "GET", "/page/7", 200, "page pk=7" },
        { "GET", "/page/007", 200, "page pk=7" },
        { "GET", "/secret", 200, "secret GET username=None" },
        { "POST", "/secret", 200, "secret POST username=None" },
        { "GET", "/secret/user", 200, "secret GET username=user" },
        { "GET", "/nothing/here", 404, null },

        { "GET", "/archive", 200, "archive year=2024" },
        { "GET", "/archive/2023", 200, "archive year=2023" },
        // Werkzeug's redirect_defaults: the values of the default rule have its shorter URL (test_routing.py's test_defaults).
        { "GET", "/archive/2024", 308, null },

        // Priority: static parts beat converters, int beats string.
        { "GET", "/users/me", 200, "me" },
        { "GET", "/users/42", 200, "user_by_id id=42" },
        { "GET", "/users/bob", 200, "user_by_name name=bob" },
        { "GET", "/export/report.json", 200, "export_json name=report" },
        { "GET", "/export/report", 200, "export name=report" },
        { "GET", "/export/.json", 200, "export name=.json" },

        // int: overflow, sign, fixed digits, min/max never throw, they just do not match.
        { "GET", "/page/99999999999999999999", 404, null },
        { "GET", "/page/2147483648", 404, null },
        { "GET", "/page/-1", 404, null },
        { "GET", "/page/+1", 404, null },
        { "GET", "/page/1.5", 404, null },
        { "GET", "/signed/-5", 200, "signed n=-5" },
        { "GET", "/signed/5", 200, "signed n=5" },
        { "GET", "/year/2024", 200, "year year=2024" },
        { "GET", "/year/24", 404, null },
        { "GET", "/year/02024", 404, null },
        { "GET", "/range/1", 200, "in_range n=1" },
        { "GET", "/range/10", 200, "in_range n=10" },
        { "GET", "/range/0", 404, null },
        { "GET", "/range/11", 404, null },
        { "GET", "/big/9223372036854775807", 200, "big n=9223372036854775807" },
        { "GET", "/big/9223372036854775808", 404, null },

        // float, uuid, any, string options, enum inference.
        { "GET", "/float/1.5", 200, "float x=1.5" },
        { "GET", "/float/1", 404, null },
        { "GET", "/float/-1.5", 404, null },
        { "GET", "/items/0f8fad5b-d9cb-469f-a165-70867728950e", 200, "item id=0f8fad5b-d9cb-469f-a165-70867728950e" },
        { "GET", "/items/0F8FAD5B-D9CB-469F-A165-70867728950E", 200, "item id=0f8fad5b-d9cb-469f-a165-70867728950e" },
        { "GET", "/items/0f8fad5bd9cb469fa16570867728950e", 404, null },
        { "GET", "/items/not-a-uuid", 404, null },
        { "GET", "/color/green", 200, "color color=green" },
        { "GET", "/color/purple", 404, null },
        { "GET", "/color/Green", 404, null },
        { "GET", "/shade/dark", 200, "shade tone=Dark" },
        { "GET", "/shade/grey", 404, null },
        { "GET", "/lang/en", 200, "lang code=en" },
        { "GET", "/lang/eng", 404, null },

        // path spans slashes; string does not.
        { "GET", "/files/a/b/c.txt", 200, "file name=a/b/c.txt" },
        { "GET", "/files/a/b/edit", 200, "edit_file name=a/b" },
        { "GET", "/files/", 404, null },
        { "GET", "/users/a/b", 404, null },

        // Several variables in one part, split as Werkzeug's regular expression splits them (greedy converters
        // take the longest text that lets the rest match, path the shortest, any its values in order); each
        // answer checked against Werkzeug 2.2.2.
        { "GET", "/month/2024-05", 200, "month year=2024 month=5" },
        { "GET", "/month/2024-5", 200, "month year=2024 month=5" },
        { "GET", "/month/2024-", 404, null },
        { "GET", "/month/-05", 404, null },
        { "GET", "/month/2024-05-06", 404, null },
        { "GET", "/report/a.b.json", 200, "report name=a.b fmt=json" },
        { "GET", "/report/a.html", 200, "report name=a fmt=html" },
        { "GET", "/report/a.xml", 200, "report_plain name=a.xml" },
        { "GET", "/report/.json", 200, "report_plain name=.json" },
        { "GET", "/report/a.", 200, "report_plain name=a." },
        { "GET", "/span/a-b-c", 200, "span first=a-b second=c" },
        { "GET", "/span/-a", 404, null },
        { "GET", "/v1.2/", 200, "version major=1 minor=2" },
        { "GET", "/v1.2", 308, null },
        { "GET", "/v1./", 404, null },
        // Variables after a path variable: the path takes the least that lets the rest match.
        { "GET", "/dl/a/b/c.txt", 200, "download dir=a/b name=c" },
        { "GET", "/dl/a/c.txt", 200, "download dir=a name=c" },
        { "GET", "/dl/c.txt", 404, null },
        { "GET", "/dl/a/b/.txt", 404, null },
        { "GET", "/dl/a/b/c.txt/x", 404, null },
        // A rule ending in a slash after a path variable: the slash is the rule's trailing slash (308 without it).
        { "GET", "/tree/a/b/", 200, "tree p=a/b" },
        { "GET", "/tree/a/b", 308, null },

        // Converters of the program's own: matched by their TryParse, ranked before string at equal weight.
        { "GET", "/books/9780306406157", 200, "book code=9780306406157" },
        { "GET", "/books/9780306406158", 404, null }, // a wrong check digit: the library's TryParse refuses it
        { "GET", "/books/978030640615", 404, null },
        { "GET", "/day/2024-05-01", 200, "day day=2024-05-01" },
        { "GET", "/day/2024-13-01", 404, null },
        { "GET", "/day/yesterday", 404, null },
        { "GET", "/posts/hello-you", 200, "post title=hello-you" },
        { "GET", "/posts/hello-world", 200, "post_by_name name=hello-world" },
        { "GET", "/posts/Hello", 200, "post_by_name name=Hello" },
        { "GET", "/code/abc", 200, "code code=abc" },
        { "GET", "/code/abcd", 404, null },
        { "GET", "/between/2024-05-01_2024-06-30", 200, "between start=2024-05-01 end=2024-06-30" },
        { "GET", "/between/2024-05-01_2024-06-31", 404, null },

        // Percent-decoding, UTF-8; an encoded slash stays inside a string value.
        { "GET", "/secret/j%C3%BCrgen", 200, "secret GET username=jürgen" },
        { "GET", "/secret/a%20b", 200, "secret GET username=a b" },
        { "GET", "/secret/a%2Fb", 200, "secret GET username=a/b" },
        { "GET", "/files/a%2Fb", 200, "file name=a/b" },

        // Trailing slashes.
        { "GET", "/docs/", 200, "docs" },
        { "GET", "/about/", 404, null },
        { "GET", "/loose/", 200, "loose" },
        { "GET", "/loose", 200, "loose" },
        { "GET", "/plain", 200, "plain" },
        { "GET", "/plain/", 200, "plain" },
        { "GET", "/strict/", 200, "strict" },
        { "GET", "/strict", 404, null },

        // Instance views get their constructor's services; parameters of other types come from services.
        { "GET", "/greet/ada", 200, "Hello, ada!" },
        { "GET", "/greet-service", 200, "Hello, service!" },

        // HEAD wherever GET is; errors.
        { "HEAD", "/", 200, "" },
        { "GET", "/boom", 500, null },
        { "PUT", "/resource", 200, "replace_resource PUT" },
        { "DELETE", "/resource", 200, "replace_resource DELETE" },
        { "POST", "/resource", 200, "create_resource" },
        { "OPTIONS", "/with-options", 200, "with_options OPTIONS" },
    };

    public static IEnumerable<object?[]> CasesBothWays() =>
        from transport in new[] { Transport.InProcess, Transport.Http }
        from object?[] row in Cases
        select new object?[] { transport, row[0], row[1], row[2], row[3] };

    [Theory]
    [MemberData(nameof(CasesBothWays))]
    public async Task Request_gets_Werkzeugs_answer(Transport transport, string method, string target, int status, string? body)
    {
        var response = await harness.SendAsync(transport, method, target);

        Assert.Equal(status, response.Status);
        if (body is not null)
        {
            Assert.Equal(body, response.Body);
        }
    }

    [Fact]
    public async Task A_value_past_64_KB_into_the_path_is_bound_whole()
    {
        // The request context keeps value offsets in 16 bits when they fit; a longer path keeps them another way.
        var name = string.Join('/', Enumerable.Range(0, 12_000).Select(i => $"d{i:D5}"));
        var edited = name[..name.LastIndexOf('/')];

        var file = await harness.SendAsync(Transport.InProcess, "GET", "/files/" + name);
        var edit = await harness.SendAsync(Transport.InProcess, "GET", "/files/" + edited + "/edit");

        Assert.True(name.Length > ushort.MaxValue);
        Assert.Equal((200, "file name=" + name), (file.Status, file.Body));
        Assert.Equal((200, "edit_file name=" + edited), (edit.Status, edit.Body));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_rule_with_more_values_than_the_context_keeps_inline_binds_each(Transport transport)
    {
        // Three value ranges live in the request context; a fourth and more are kept another way.
        var deep = await harness.SendAsync(transport, "GET", "/deep/x/y/42/z/p/q.txt");

        Assert.Equal((200, "deep a=x b=y c=42 d=z e=p/q.txt args=a:x,b:y,c:42,d:z,e:p/q.txt"), (deep.Status, deep.Body));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Non_ascii_rules_and_values_match_their_percent_encoded_urls(Transport transport)
    {
        var horse = await harness.SendAsync(transport, "GET", "/%D0%BB%D0%BE%D1%88%D0%B0%D0%B4%D1%8C");
        var cafe = await harness.SendAsync(transport, "GET", "/caf%C3%A9/cr%C3%A8me%20br%C3%BBl%C3%A9e");

        Assert.Equal((200, "horse"), (horse.Status, horse.Body));
        Assert.Equal((200, "cafe name=crème brûlée"), (cafe.Status, cafe.Body));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Redirects_to_non_ascii_locations_send_them_percent_encoded(Transport transport)
    {
        var built = await harness.SendAsync(transport, "GET", "/to-horse");
        var written = await harness.SendAsync(transport, "GET", "/to-cafe");
        var slash = await harness.SendAsync(transport, "GET", "/caf%C3%A9//x");

        Assert.Equal((302, "/%D0%BB%D0%BE%D1%88%D0%B0%D0%B4%D1%8C"), (built.Status, built.Header("Location")));
        Assert.Equal((302, "/caf%C3%A9/cr%C3%A8me%20br%C3%BBl%C3%A9e?x=%C3%BC"), (written.Status, written.Header("Location")));
        // Werkzeug's page links to the URI and shows the location as the view gave it (Flask 2.2's redirect()).
        Assert.Contains("<a href=\"/caf%C3%A9/cr%C3%A8me%20br%C3%BBl%C3%A9e?x=%C3%BC\">/café/crème brûlée?x=ü</a>", written.Body);
        Assert.Equal((308, "/caf%C3%A9/x"), (slash.Status, slash.Header("Location")));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_missing_trailing_slash_redirects_with_308_keeping_the_query(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/docs?x=1&y=2");

        Assert.Equal(308, response.Status);
        Assert.Equal("/docs/?x=1&y=2", response.Header("Location"));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Repeated_slashes_redirect_to_the_merged_path_when_it_matches(Transport transport)
    {
        var merged = await harness.SendAsync(transport, "GET", "/page//7?x=1");
        var nothing = await harness.SendAsync(transport, "GET", "/nothing//here");

        Assert.Equal(308, merged.Status);
        Assert.Equal("/page/7?x=1", merged.Header("Location"));
        Assert.Equal(404, nothing.Status);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_rule_ending_in_a_slash_after_variables_redirects_to_it(Transport transport)
    {
        var version = await harness.SendAsync(transport, "GET", "/v1.2?x=1");
        var tree = await harness.SendAsync(transport, "GET", "/tree/a/b");
        var doubled = await harness.SendAsync(transport, "GET", "/tree/a/b//");

        Assert.Equal((308, "/v1.2/?x=1"), (version.Status, version.Header("Location")));
        var canonical = await harness.SendAsync(transport, "GET", "/archive/2024?x=1");
        Assert.Equal((308, "/archive?x=1"), (canonical.Status, canonical.Header("Location")));
        Assert.Equal((308, "/tree/a/b/"), (tree.Status, tree.Header("Location")));
        // Werkzeug: no rule matches "a/b/" before the slash, so the merged path is redirected to.
        Assert.Equal((308, "/tree/a/b/"), (doubled.Status, doubled.Header("Location")));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_rule_naming_HEAD_itself_answers_HEAD_before_a_GET_rules_implied_HEAD(Transport transport)
    {
        var get = await harness.SendAsync(transport, "GET", "/probe");
        var head = await harness.SendAsync(transport, "HEAD", "/probe");

        Assert.Equal((200, "probe", "probe"), (get.Status, get.Body, get.Header("X-View")));
        Assert.Equal((200, "probe_head"), (head.Status, head.Header("X-View")));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_wrong_method_is_405_with_every_method_of_every_rule_for_the_path(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/resource");

        Assert.Equal(405, response.Status);
        Assert.Equal("DELETE, OPTIONS, POST, PUT", response.Header("Allow"));
        Assert.Contains("Method Not Allowed", response.Body);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task OPTIONS_is_answered_automatically_with_Allow(Transport transport)
    {
        var response = await harness.SendAsync(transport, "OPTIONS", "/secret");

        Assert.Equal(200, response.Status);
        Assert.Equal("GET, HEAD, OPTIONS, POST", response.Header("Allow"));
        Assert.Equal("", response.Body);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_string_view_is_utf8_html_and_HEAD_has_its_length_without_body(Transport transport)
    {
        var get = await harness.SendAsync(transport, "GET", "/users/j%C3%BCrgen");
        var head = await harness.SendAsync(transport, "HEAD", "/users/j%C3%BCrgen");

        Assert.Equal("user_by_name name=jürgen", get.Body);
        Assert.Equal("text/html; charset=utf-8", get.Header("Content-Type"));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(get.Body).ToString(), get.Header("Content-Length"));
        Assert.Equal(200, head.Status);
        Assert.Equal(get.Header("Content-Length"), head.Header("Content-Length"));
        Assert.Equal("", head.Body);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task Not_found_is_Werkzeugs_page(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/nope");

        Assert.Equal(404, response.Status);
        Assert.Contains("<title>404 Not Found</title>", response.Body);
        Assert.Contains("The requested URL was not found on the server.", response.Body);
    }

    [Fact]
    public void The_url_map_lists_rules_in_match_priority_order()
    {
        var rules = harness.App.UrlMap.Select(r => r.Pattern).ToList();

        Assert.True(rules.IndexOf("/users/me") < rules.IndexOf("/users/<int:id>"));
        Assert.True(rules.IndexOf("/users/<int:id>") < rules.IndexOf("/users/<name>"));
        Assert.True(rules.IndexOf("/export/<name>.json") < rules.IndexOf("/export/<name>"));
        var page = harness.App.UrlMap.Single(r => r.Pattern == "/page");
        Assert.Equal("<Rule '/page' (GET, HEAD, OPTIONS) -> default_page>", page.ToString());
    }
}
