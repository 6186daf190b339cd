using System.Net;
using Flagon.Routing;
using Flagon.Testing;

namespace Flagon.Runtime.Tests.Chain;

/// <summary>
/// The dispatch chain, through the test client (the app's whole pipeline in memory) and over Kestrel where the
/// wire matters. Cases ported from Flask's own tests name the test they come from.
/// </summary>
[Collection(nameof(ChainBlueprint))]
public class DispatchChainTests : IAsyncLifetime
{
    private sealed class ChainApp() : App(["--TESTING", "false"], RouteTableRegistry.Tables);

    private readonly App app = new ChainApp()
        .RegisterBlueprint<ChainBlueprint>()
        .RegisterBlueprint<InnerBlueprint>(parent: "chain");
    private TestClient client = null!;

    public Task InitializeAsync()
    {
        client = app.TestClient();
        while (ChainBlueprint.Log.TryDequeue(out _))
        {
        }
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    private string[] TakeLog()
    {
        var entries = new List<string>();
        while (ChainBlueprint.Log.TryDequeue(out var entry))
        {
            entries.Add(entry);
        }
        return [.. entries];
    }

    [Fact]
    public async Task Two_cookies_go_out_as_two_Set_Cookie_headers_through_an_after_hook()
    {
        var response = await client.Get("/chain/two-cookies");

        Assert.Equal("after", response.Header("X-Chain"));
        var cookies = response.Message.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        Assert.Equal("a=1; path=/; httponly", cookies[0]);
        Assert.StartsWith("b=two%20words; max-age=300; path=/; samesite=strict", cookies[1]);
    }

    [Fact]
    public async Task Deleting_a_cookie_expires_it_at_the_epoch()
    {
        var response = await client.Get("/chain/delete-cookie");

        var cookie = Assert.Single(response.Message.Headers.GetValues("Set-Cookie"));
        Assert.Equal("a=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/", cookie);
    }

    [Fact]
    public async Task A_header_may_have_several_values()
    {
        var response = await client.Get("/chain/multi-header");

        Assert.Equal(["</a>; rel=a", "</b>; rel=b"], response.Message.Headers.GetValues("Link"));
    }

    // test_basic.py: test_after_this_request (the function runs before the after-request hooks)
    [Fact]
    public async Task After_this_request_changes_this_response_only()
    {
        var once = await client.Get("/chain/after-this");
        var plain = await client.Get("/chain/text");

        Assert.Equal(("1", "after"), (once.Header("X-After-This"), once.Header("X-Chain")));
        Assert.Null(plain.Header("X-After-This"));
    }

    // test_user_error_handler.py: test_error_handler_blueprint / abort in before_request reaches the handler
    [Fact]
    public async Task Abort_401_in_a_before_request_hook_is_answered_by_the_401_handler()
    {
        var response = await client.Get("/chain/text?abort401=1");

        Assert.Equal((401, "401 handler: True"), (response.Status, response.Text));
        Assert.Equal("after", response.Header("X-Chain"));
    }

    // test_user_error_handler.py: test_default_error_handler (an HTTPException handler takes what no code handler takes)
    [Fact]
    public async Task The_generic_HttpError_handler_takes_every_HTTP_error_no_code_handler_takes()
    {
        var teapot = await client.Get("/chain/teapot");
        var missing = await client.Get("/chain/no-such-page");
        var unauthorized = await client.Get("/chain/text?abort401=1");

        Assert.Equal((418, "generic http handler: 418 I'm a teapot"), (teapot.Status, teapot.Text));
        Assert.Equal((404, "generic http handler: 404 Not Found"), (missing.Status, missing.Text));
        Assert.Equal(401, unauthorized.Status);
        Assert.StartsWith("401 handler", unauthorized.Text);
    }

    // test_user_error_handler.py: test_error_handler_subclass (the subclass's handler, given the exception itself)
    [Fact]
    public async Task A_handler_parameter_of_the_exception_type_receives_the_exception()
    {
        var pay = await client.Get("/chain/pay");
        var quota = await client.Get("/chain/quota");

        Assert.Equal((402, "payment handler: Pay first."), (pay.Status, pay.Text));
        Assert.Equal((429, "quota handler: used 7"), (quota.Status, quota.Text));
    }

    // test_basic.py: test_error_handling / test_before_after_request_order (errors in hooks reach the 500 handler)
    [Theory]
    [InlineData("/chain/text?fail-before=1", "chain 500: before hook failed")]
    [InlineData("/chain/text?fail-after=1", "chain 500: after hook failed")]
    [InlineData("/chain/fail", "chain 500: view failed")]
    public async Task Errors_in_hooks_and_views_reach_the_500_handler(string path, string body)
    {
        var response = await client.Get(path);

        Assert.Equal((500, body), (response.Status, response.Text));
    }

    [Fact]
    public async Task Abort_with_a_description_shows_it_escaped_on_the_default_page()
    {
        var app = new ChainlessApp();
        app.AddUrlRule("/described", ChainBlueprint.Described, endpoint: "described");
        using var plain = app.TestClient();

        var response = await plain.Get("/described");

        Assert.Equal(403, response.Status);
        // Werkzeug: markupsafe's escape (letters of any script as they are), and a line break becomes <br>.
        Assert.Contains("<p>Only &lt;staff&gt; may look.<br>Accès refusé.</p>", response.Text);
    }

    // Werkzeug's default pages (werkzeug.exceptions), recorded from Flask 2.2's abort(code): every HTTP exception's
    // name and description, escaped (411's <code> too, as get_description escapes it).
    [Theory]
    [InlineData(411, "411 Length Required", "Length Required", "A request with this method requires a valid &lt;code&gt;Content-Length&lt;/code&gt; header.")]
    [InlineData(413, "413 Request Entity Too Large", "Request Entity Too Large", "The data value transmitted exceeds the capacity limit.")]
    [InlineData(418, "418 I&#39;m a teapot", "I&#39;m a teapot", "This server is a teapot, not a coffee machine")]
    [InlineData(429, "429 Too Many Requests", "Too Many Requests", "This user has exceeded an allotted request count. Try again later.")]
    [InlineData(505, "505 HTTP Version Not Supported", "HTTP Version Not Supported", "The server does not support the HTTP protocol version used in the request.")]
    public async Task Abort_shows_Werkzeug_s_page_for_each_of_its_HTTP_exceptions(int code, string title, string name, string description)
    {
        var app = new ChainlessApp();
        app.AddUrlRule("/abort-with/<int:code>", ChainBlueprint.AbortWith, endpoint: "abort_with");
        using var plain = app.TestClient();

        var response = await plain.Get($"/abort-with/{code}");

        Assert.Equal(code, response.Status);
        Assert.Equal($"<!doctype html>\n<html lang=en>\n<title>{title}</title>\n<h1>{name}</h1>\n<p>{description}</p>\n", response.Text);
    }

    private sealed class ChainlessApp() : App([], []);

    private sealed class ConformanceApp() : App([], RouteTableRegistry.Tables);

    [Fact]
    public async Task Abort_with_a_response_answers_with_it_unless_a_handler_takes_its_status()
    {
        var app = new ChainlessApp();
        app.AddUrlRule("/abort-response", ChainBlueprint.AbortResponse, endpoint: "abort_response");
        using var plain = app.TestClient();

        var response = await plain.Get("/abort-response");

        Assert.Equal((418, "custom teapot"), (response.Status, response.Text));
    }

    // test_basic.py: test_response_types (an invalid status, or None, is an error)
    [Theory]
    [InlineData("/chain/bad-status")]
    [InlineData("/chain/null")]
    public async Task An_invalid_status_or_a_null_return_is_an_error_not_a_response(string path)
    {
        var response = await client.Get(path);

        Assert.Equal(500, response.Status);
        Assert.StartsWith("chain 500: ", response.Text);
    }

    // test_basic.py: test_teardown_request_handler_error (all run, last registered first, with the unhandled error only)
    [Fact]
    public async Task Teardown_hooks_run_last_first_all_of_them_even_when_one_throws()
    {
        await client.Get("/chain/text?fail-teardown=1");
        var first = TakeLog();
        await client.Get("/chain/pay");
        var handled = TakeLog();

        Assert.Equal(["before:chain", "teardown:second", "teardown:first:none"], first);
        // The PaymentRequired was handled: teardown receives no exception.
        Assert.Equal("teardown:first:none", handled[^1]);
    }

    [Fact]
    public async Task Teardown_receives_an_exception_no_handler_took()
    {
        var app = new ChainlessApp();
        var errors = new List<string>();
        app.AddUrlRule("/fail", ChainBlueprint.Fail, endpoint: "fail");
        app.TeardownRequest(error => errors.Add(error?.Message ?? "none"));
        using var plain = app.TestClient();

        var response = await plain.Get("/fail");

        Assert.Equal(500, response.Status);
        Assert.Equal(["view failed"], errors);
    }

    // test_blueprints.py: test_nested_blueprint (parents' hooks run, outermost first; parents' handlers answer)
    [Fact]
    public async Task A_nested_blueprint_runs_its_parents_hooks_and_falls_back_to_their_handlers()
    {
        var index = await client.Get("/chain/inner/");
        var log = TakeLog();
        var failed = await client.Get("/chain/inner/fail");

        Assert.Equal("inner", index.Text);
        Assert.Equal(["before:chain", "before:inner"], log[..2]);
        Assert.Equal("inner, after", index.Header("X-Chain"));
        Assert.Equal((500, "chain 500: inner failed"), (failed.Status, failed.Text));
    }

    // test_basic.py: test_session_vary_cookie
    [Fact]
    public async Task A_response_whose_session_was_used_varies_on_Cookie()
    {
        var written = await client.Get("/chain/session");
        var read = await client.Get("/chain/read-session");
        var untouched = await client.Get("/chain/text");

        Assert.Equal("Cookie", written.Header("Vary"));
        Assert.Equal(("yes", "Cookie"), (read.Text, read.Header("Vary")));
        Assert.Null(untouched.Header("Vary"));
    }

    // test_basic.py / test_json.py: get_json needs a JSON content type (415), 400 for invalid JSON, silent and force
    [Fact]
    public async Task Request_json_needs_a_JSON_body_as_Flask_get_json_does()
    {
        var json = await client.Post("/chain/json", json: new Dictionary<string, int> { ["n"] = 5 });
        var form = await client.Post("/chain/json", data: "{\"n\": 5}", contentType: "text/plain");
        var invalid = await client.Post("/chain/json", data: "{\"n\": ", contentType: "application/json");
        var silent = await client.Post("/chain/json-silent", data: "{\"n\": 5}", contentType: "text/plain");
        var forced = await client.Post("/chain/json-force", data: "{\"n\": 6}", contentType: "text/plain");

        Assert.Equal((200, "5"), (json.Status, json.Text));
        Assert.Equal(415, form.Status);
        Assert.Equal(400, invalid.Status);
        Assert.Equal("silent null", silent.Text);
        Assert.Equal("6", forced.Text);
    }

    // Flask's on_json_loading_failure: the parser's message on the 400 page in debug mode only (Flask 2.2 answers
    // Werkzeug's plain page otherwise).
    [Theory]
    [InlineData(false, "<p>The browser (or proxy) sent a request that this server could not understand.</p>")]
    [InlineData(true, "<p>Failed to decode JSON object: ")]
    public async Task Invalid_JSON_shows_the_parsers_message_in_debug_mode_only(bool debug, string shown)
    {
        var app = new ChainlessApp();
        app.Config["DEBUG"] = debug ? "true" : "false";
        app.AddUrlRule("/json", ChainBlueprint.Json, endpoint: "json", methods: ["POST"]);
        using var plain = app.TestClient();

        var invalid = await plain.Post("/json", data: "{\"n\": ", contentType: "application/json");

        Assert.Equal(400, invalid.Status);
        Assert.Contains(shown, invalid.Text);
    }

    [Fact]
    public async Task A_view_may_return_an_ASP_NET_Core_result()
    {
        var response = await client.Get("/chain/result");

        Assert.Equal((202, "{\"kind\":\"result\"}", "after"), (response.Status, response.Text, response.Header("X-Chain")));
        Assert.StartsWith("application/json", response.ContentType);
    }

    [Fact]
    public async Task SendFile_answers_200_304_206_and_416()
    {
        var full = await client.Get("/chain/file/hello.txt");
        var etag = full.Message.Headers.ETag!.ToString();
        var notModified = await client.Get("/chain/file/hello.txt", headers: [new("If-None-Match", etag)]);
        var since = await client.Get("/chain/file/hello.txt", headers: [new("If-Modified-Since", full.Message.Content.Headers.LastModified!.Value.ToString("R"))]);
        var range = await client.Get("/chain/file/hello.txt", headers: [new("Range", "bytes=0-4")]);
        var unsatisfiable = await client.Get("/chain/file/hello.txt", headers: [new("Range", "bytes=100-200")]);
        var download = await client.Get("/chain/download");

        Assert.Equal((200, "Hello, file!"), (full.Status, full.Text));
        Assert.Equal("after", full.Header("X-Chain"));
        // Werkzeug's send_file: a text type says it is UTF-8, and the file is named inline.
        Assert.Equal("text/plain; charset=utf-8", full.Message.Content.Headers.ContentType!.ToString());
        Assert.Equal(("inline", "hello.txt"), (full.Message.Content.Headers.ContentDisposition!.DispositionType, full.Message.Content.Headers.ContentDisposition.FileName));
        Assert.Equal((304, ""), (notModified.Status, notModified.Text));
        Assert.Equal(304, since.Status);
        Assert.Equal((206, "Hello"), (range.Status, range.Text));
        Assert.Equal("bytes 0-4/12", range.Message.Content.Headers.ContentRange!.ToString());
        Assert.Equal(416, unsatisfiable.Status);
        Assert.Equal("attachment", download.Message.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("greeting.txt", download.Message.Content.Headers.ContentDisposition.FileNameStar ?? download.Message.Content.Headers.ContentDisposition.FileName);
    }

    [Theory]
    [InlineData("/chain/file/../" + "x")]
    [InlineData("/chain/file/..%2f" + "x")]
    [InlineData("/chain/file/%2e%2e/x")]
    [InlineData("/chain/file/a%5c..%5c..%5cx")]
    [InlineData("/chain/file/%2f" + "tmp%2f" + "x")]
    public async Task SendFromDirectory_refuses_paths_that_leave_the_directory(string path)
    {
        var secret = Path.GetFileName(ChainFiles.Outside);
        Assert.True(File.Exists(ChainFiles.Outside));

        var response = await client.Get(path.Replace("x", secret, StringComparison.Ordinal));

        Assert.NotEqual(200, response.Status);
        Assert.DoesNotContain("secret", response.Text);
    }

    [Fact]
    public async Task A_streamed_view_behind_an_after_hook_sends_its_first_piece_before_it_finishes()
    {
        ChainBlueprint.Release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var served = await ServedApp.Create().StartAsync();
        served.App.RegisterBlueprint<ChainBlueprint>();

        using var response = await served.Client.GetAsync("/chain/stream", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[6];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await body.ReadAsync(buffer.AsMemory(read)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(n > 0, "the stream ended before its first piece");
            read += n;
        }

        Assert.Equal("first;", System.Text.Encoding.UTF8.GetString(buffer));
        Assert.Equal((HttpStatusCode.Created, "text/plain"), (response.StatusCode, response.Content.Headers.ContentType!.MediaType));
        Assert.Equal("after", string.Join(",", response.Headers.GetValues("X-Chain")));
        ChainBlueprint.Release.SetResult();
        Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
    }

    [Fact]
    public async Task Two_cookies_over_Kestrel()
    {
        await using var served = await ServedApp.Create().StartAsync();
        served.App.RegisterBlueprint<ChainBlueprint>();

        using var response = await served.Client.GetAsync("/chain/two-cookies");

        Assert.Equal(2, response.Headers.GetValues("Set-Cookie").Count());
    }

    // test_signals.py: each signal once, in Flask's order
    [Fact]
    public async Task Every_signal_is_raised_once_in_order()
    {
        var app = new ChainlessApp();
        var seen = new List<string>();
        app.AddUrlRule("/flash", () =>
        {
            Globals.Flash("hello");
            return "flashed";
        }, endpoint: "flash");
        app.AddUrlRule("/fail", ChainBlueprint.Fail, endpoint: "fail");
        app.RequestStarted += (_, _) => seen.Add("request_started");
        app.MessageFlashed += (_, message) => seen.Add($"message_flashed:{message.Message}");
        app.RequestFinished += (_, response) => seen.Add($"request_finished:{response.Status}");
        app.GotRequestException += (_, error) => seen.Add($"got_request_exception:{error.Message}");
        app.RequestTearingDown += (_, error) => seen.Add($"request_tearing_down:{error?.Message ?? "none"}");
        app.AppContextTearingDown += (_, error) => seen.Add($"appcontext_tearing_down:{error?.Message ?? "none"}");
        using var plain = app.TestClient();

        await plain.Get("/flash");
        var ok = seen.ToArray();
        seen.Clear();
        await plain.Get("/fail");

        Assert.Equal(["request_started", "message_flashed:hello", "request_finished:200", "request_tearing_down:none", "appcontext_tearing_down:none"], ok);
        Assert.Equal(["request_started", "got_request_exception:view failed", "request_finished:500", "request_tearing_down:view failed", "appcontext_tearing_down:view failed"], seen);
    }

    // test_basic.py: test_url_processors (url_defaults adds the value the request implies; the preprocessor reads it)
    [Fact]
    public async Task Url_value_preprocessors_see_the_urls_values_and_url_defaults_fill_Url_For()
    {
        var app = new ChainlessApp();
        app.AddUrlRule("/<lang>/about", (string lang) => $"{Globals.G.Get<string>("lang", null)} {Url.For("about")}", endpoint: "about");
        app.UrlValuePreprocessor((endpoint, values) =>
        {
            Assert.Equal("about", endpoint);
            Globals.G["lang"] = values["lang"];
        });
        app.UrlDefaults((endpoint, values) => values.TryAdd("lang", Globals.G.Get<string>("lang", null)));
        using var plain = app.TestClient();

        var response = await plain.Get("/de/about");

        Assert.Equal("de /de/about", response.Text);
    }

    [Fact]
    public async Task View_args_hold_the_rules_defaults_as_werkzeug_adds_them()
    {
        var app = new ConformanceApp();
        static string Listed(IEnumerable<KeyValuePair<string, string>> values) => string.Join(",", values.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"));
        app.AddUrlRule("/runtime-shelf", (string lang, int n) => Listed(Globals.Request.ViewArgs), defaults: "lang=fr;n=2", endpoint: "runtime_shelf");
        var seen = new List<string>();
        app.UrlValuePreprocessor((endpoint, values) => seen.Add($"{endpoint} {Listed(values)}"));
        using var defaults = app.TestClient();

        var compiledDefault = await defaults.Get("/shelf");
        var compiledUrl = await defaults.Get("/shelf/de/3");
        var runtime = await defaults.Get("/runtime-shelf");

        Assert.Equal("shelf en 0 args=lang:en", compiledDefault.Text);
        Assert.Equal("shelf de 3 args=lang:de,n:3", compiledUrl.Text);
        Assert.Equal("lang:fr,n:2", runtime.Text);
        Assert.Equal(["shelf lang:en", "shelf lang:de,n:3", "runtime_shelf lang:fr,n:2"], seen);
    }

    [Fact]
    public async Task Each_request_is_an_activity_named_after_its_endpoint()
    {
        var stopped = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Flagon",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) { stopped.Add(activity); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        await client.Get("/chain/inner/");

        System.Diagnostics.Activity span;
        lock (stopped)
        {
            span = Assert.Single(stopped, a => (string?)a.GetTagItem("flagon.endpoint") == "chain.inner.index");
        }
        Assert.Equal("chain.inner.index", span.DisplayName);
        Assert.Equal("/chain/inner/", span.GetTagItem("http.route"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task A_session_change_after_the_response_was_made_is_an_error_that_says_so()
    {
        var app = new ChainlessApp();
        string? message = null;
        app.AddUrlRule("/s", () =>
        {
            Globals.Session["a"] = "1";
            return "ok";
        }, endpoint: "s");
        app.TeardownRequest(_ =>
        {
            try
            {
                Globals.Session["late"] = "x";
            }
            catch (InvalidOperationException e)
            {
                message = e.Message;
            }
        });
        using var plain = app.TestClient();

        var response = await plain.Get("/s");

        Assert.Equal(200, response.Status);
        Assert.NotNull(response.Header("Set-Cookie"));
        Assert.StartsWith("The session cannot change now", message);
    }
}
