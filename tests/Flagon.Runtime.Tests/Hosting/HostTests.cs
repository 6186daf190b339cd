using System.Net;
using System.Threading.RateLimiting;
using Flagon.Routing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Runtime.Tests.Hosting;

/// <summary>
/// ASP.NET Core's middleware around Flagon's views, in the Flask shape (<c>app.Use(web => …)</c>): authentication
/// and authorization, CORS, rate limiting, output caching, antiforgery, forwarded headers, health checks.
/// </summary>
public class HostTests
{
    private sealed class HostApp(params string[] args) : App(args, RouteTableRegistry.Tables);

    /// <summary>The app a new user would write: services, then middleware in front of Flagon, then its views.</summary>
    internal static App Configure(App app, Action<ForwardedHeadersOptions>? forwarded = null)
    {
        app.RegisterBlueprint<HostViews>().RegisterBlueprint<MembersBlueprint>();
        app.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options => options.LoginPath = "/members/welcome");
        app.Services.AddAuthorization();
        app.Services.AddCors(options => options.AddPolicy("partner", policy => policy.WithOrigins("https://partner.example").WithMethods("PUT")));
        app.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = 429;
            options.AddFixedWindowLimiter("tight", window =>
            {
                window.PermitLimit = 2;
                window.Window = TimeSpan.FromMinutes(5);
                window.QueueLimit = 0;
            });
        });
        app.Services.AddOutputCache();
        app.Services.AddAntiforgery();
        app.Services.AddHealthChecks();
        app.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded?.Invoke(options);
        });
        app.Use(web =>
        {
            web.UseForwardedHeaders();
            web.UseCors();
            web.UseAuthentication();
            web.UseAuthorization();
            web.UseRateLimiter();
            web.UseOutputCache();
            web.UseAntiforgery();
            web.MapHealthChecks("/healthz");
        });
        return app;
    }

    [Fact]
    public async Task Authorize_on_a_view_sends_to_login_until_signed_in()
    {
        using var client = Configure(new HostApp()).TestClient();

        var anonymous = await client.Get("/host/private");
        await client.Post("/host/login");
        var signedIn = await client.Get("/host/private");

        Assert.Equal(302, anonymous.Status);
        Assert.StartsWith("http://localhost/members/welcome?ReturnUrl=%2Fhost%2Fprivate", anonymous.Location);
        Assert.Equal((200, "hello ada"), (signedIn.Status, signedIn.Text));
    }

    [Fact]
    public async Task Authorize_on_a_blueprint_covers_its_views_but_AllowAnonymous_ones()
    {
        using var client = Configure(new HostApp()).TestClient();

        var anonymous = await client.Get("/members/");
        var welcome = await client.Get("/members/welcome");
        await client.Post("/host/login");
        var signedIn = await client.Get("/members/");

        Assert.Equal(302, anonymous.Status);
        Assert.Equal((200, "welcome, anyone"), (welcome.Status, welcome.Text));
        Assert.Equal((200, "members: ada"), (signedIn.Status, signedIn.Text));
    }

    [Fact]
    public async Task A_CORS_preflight_is_answered_by_the_views_policy()
    {
        using var client = Configure(new HostApp()).TestClient();
        var preflight = new[] { new KeyValuePair<string, string>("Origin", "https://partner.example"), new("Access-Control-Request-Method", "PUT") };

        var allowed = await client.Open("OPTIONS", "/host/partner", headers: preflight);
        var stranger = await client.Open("OPTIONS", "/host/partner", headers: [new("Origin", "https://evil.example"), new("Access-Control-Request-Method", "PUT")]);
        var plainOptions = await client.Open("OPTIONS", "/host/open");
        var actual = await client.Open("PUT", "/host/partner", headers: [new("Origin", "https://partner.example")]);

        Assert.Equal(204, allowed.Status);
        Assert.Equal("https://partner.example", allowed.Header("Access-Control-Allow-Origin"));
        Assert.Equal("PUT", allowed.Header("Access-Control-Allow-Methods"));
        Assert.Null(stranger.Header("Access-Control-Allow-Origin"));
        Assert.Equal((200, "GET, HEAD, OPTIONS"), (plainOptions.Status, plainOptions.Header("Allow")));
        Assert.Equal(("partner", "https://partner.example"), (actual.Text, actual.Header("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_failing_view_keeps_the_headers_middleware_set_before_it()
    {
        using var client = Configure(new HostApp("--TESTING", "false")).TestClient();

        var failed = await client.Open("PUT", "/host/partner-fail", headers: [new("Origin", "https://partner.example")]);

        Assert.Equal(500, failed.Status);
        Assert.Equal("https://partner.example", failed.Header("Access-Control-Allow-Origin"));
        Assert.Equal("app error: partner view failed", failed.Text);
    }

    [Fact]
    public async Task Rate_limiting_answers_429_past_the_views_limit()
    {
        using var client = Configure(new HostApp()).TestClient();

        var statuses = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            statuses.Add((await client.Get("/host/limited")).Status);
        }
        var unlimited = await client.Get("/host/open");

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, unlimited.Status);
    }

    [Fact]
    public async Task Output_caching_answers_the_second_request_from_the_cache()
    {
        using var client = Configure(new HostApp()).TestClient();

        var first = await client.Get("/host/cached");
        var second = await client.Get("/host/cached");

        Assert.Equal(first.Text, second.Text);
        Assert.StartsWith("call ", first.Text);
        Assert.NotNull(second.Header("Age"));
    }

    [Fact]
    public async Task Antiforgery_refuses_a_form_without_its_token_and_takes_it_with()
    {
        using var client = Configure(new HostApp()).TestClient();

        var missing = await client.Post("/host/form", form: [new("title", "hello")]);
        var token = (await client.Get("/host/form")).Text;
        var wrong = await client.Post("/host/form", form: [new("title", "hello"), new("__RequestVerificationToken", token + "x")]);
        var valid = await client.Post("/host/form", form: [new("title", "hello"), new("__RequestVerificationToken", token)]);

        Assert.Equal(400, missing.Status);
        Assert.Equal(400, wrong.Status);
        Assert.Equal((200, "saved hello"), (valid.Status, valid.Text));
    }

    [Fact]
    public async Task The_csrf_token_template_function_renders_the_field_the_antiforgery_middleware_checks()
    {
        using var client = Configure(new HostApp()).TestClient();

        var form = await client.Get("/host/template-form");
        var field = System.Text.RegularExpressions.Regex.Match(form.Text, "<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\">");
        var posted = await client.Post("/host/form", form: [new("title", "from the template"), new("__RequestVerificationToken", field.Groups[1].Value)]);

        Assert.True(field.Success, form.Text);
        // The antiforgery cookie and the session cookie, each its own Set-Cookie header.
        var cookies = form.Message.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("session=", StringComparison.Ordinal));
        Assert.Equal((200, "saved from the template"), (posted.Status, posted.Text));
    }

    [Fact]
    public async Task A_health_check_endpoint_answers_next_to_Flagons_views()
    {
        using var client = Configure(new HostApp()).TestClient();

        var health = await client.Get("/healthz");
        var view = await client.Get("/host/open");
        var missing = await client.Get("/host/nope");

        Assert.Equal((200, "Healthy"), (health.Status, health.Text));
        Assert.Equal("open", view.Text);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task The_matched_views_endpoint_and_its_metadata_are_on_the_request()
    {
        using var client = Configure(new HostApp()).TestClient();

        var response = await client.Get("/host/endpoint");

        Assert.Equal("host.endpoint_name diagnostics", response.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_any_middleware_the_view_still_sees_its_endpoint_in_process_and_over_Kestrel(bool kestrel)
    {
        // No middleware: no routing middleware either, the dispatch chain's one match sets the endpoint.
        var app = new HostApp("--urls", "http://127.0.0.1:0").RegisterBlueprint<HostViews>();
        string text;
        if (kestrel)
        {
            await using var served = await ServedOnKestrel(app);
            text = await served.Client.GetStringAsync("/host/endpoint");
        }
        else
        {
            using var client = app.TestClient();
            text = (await client.Get("/host/endpoint")).Text;
        }

        Assert.Equal("host.endpoint_name diagnostics", text);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_trusted_proxy_make_the_request_secure()
    {
        await using var served = await ServedOnKestrel(Configure(new HostApp("--urls", "http://127.0.0.1:0")));
        using var request = Forwarded(served.Client, "/host/where");
        using var response = await served.Client.SendAsync(request);
        using var remember = await served.Client.SendAsync(Forwarded(served.Client, "/host/remember"));

        Assert.Equal("https secure=True https://flagon.example/host/where", await response.Content.ReadAsStringAsync());
        Assert.Contains("secure", remember.Headers.GetValues("Set-Cookie").Single());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored()
    {
        var app = Configure(new HostApp("--urls", "http://127.0.0.1:0"), options =>
        {
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            options.KnownProxies.Add(IPAddress.Parse("10.1.2.3"));
        });
        await using var served = await ServedOnKestrel(app);
        using var response = await served.Client.SendAsync(Forwarded(served.Client, "/host/where"));
        using var remember = await served.Client.SendAsync(Forwarded(served.Client, "/host/remember"));

        Assert.StartsWith("http secure=False http://127.0.0.1:", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("secure", remember.Headers.GetValues("Set-Cookie").Single());
    }

    private static HttpRequestMessage Forwarded(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "flagon.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return request;
    }

    internal sealed class Served(WebApplication web, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client => client;

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await web.StopAsync();
            await web.DisposeAsync();
        }
    }

    internal static async Task<Served> ServedOnKestrel(App app)
    {
        var web = app.Build();
        await web.StartAsync();
        var address = web.Urls.First();
        return new Served(web, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) });
    }

    [Fact]
    public async Task Over_Kestrel_middleware_that_wraps_the_body_gets_a_views_whole_string()
    {
        // A view's string goes to Kestrel's body unflushed (Kestrel sends it when the request ends); into a body that
        // middleware put in place it is flushed, or the middleware would read an empty stream.
        var app = Configure(new HostApp("--urls", "http://127.0.0.1:0"));
        app.Services.AddResponseCompression(options => options.EnableForHttps = true);
        app.Use(web =>
        {
            web.UseResponseCompression();
            web.Use(async (context, next) =>
            {
                if (context.Request.Path != "/host/open")
                {
                    await next(context);
                    return;
                }
                // The logging-middleware pattern: a buffer as the body, copied to the client afterwards.
                var client = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                await next(context);
                context.Response.Body = client;
                var seen = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                context.Response.ContentLength = null;
                await context.Response.WriteAsync($"middleware saw [{seen}]");
            });
        });
        await using var served = await ServedOnKestrel(app);

        using var buffered = await served.Client.GetAsync("/host/open");
        using var first = await served.Client.GetAsync("/host/cached");
        using var second = await served.Client.GetAsync("/host/cached");
        using var compressedRequest = new HttpRequestMessage(HttpMethod.Get, "/host/where");
        compressedRequest.Headers.Add("Accept-Encoding", "gzip");
        using var compressed = await served.Client.SendAsync(compressedRequest);
        using var gzip = new System.IO.Compression.GZipStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);

        Assert.Equal("middleware saw [open]", await buffered.Content.ReadAsStringAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.StartsWith("call ", await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Age is not null, "the second answer comes from the output cache");
        Assert.Equal("gzip", compressed.Content.Headers.ContentEncoding.Single());
        Assert.StartsWith("http secure=False http://127.0.0.1:", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_Flask_shape_over_Kestrel_signs_in_and_authorizes()
    {
        await using var served = await ServedOnKestrel(Configure(new HostApp("--urls", "http://127.0.0.1:0")));

        using var anonymous = await served.Client.GetAsync("/host/private");
        using var login = await served.Client.PostAsync("/host/login", null);
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/host/private");
        request.Headers.Add("Cookie", cookie);
        using var signedIn = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.Equal("hello ada", await signedIn.Content.ReadAsStringAsync());
    }
}

/// <summary>The ASP.NET-Core shape: a WebApplication adds Flagon apps and maps them, at the root and under a prefix.</summary>
public class AspNetCoreShapeTests
{
    private sealed class PartApp(params string[] args) : App(args, RouteTableRegistry.Tables);

    [Fact]
    public async Task A_WebApplication_adds_and_maps_Flagon_apps_with_its_own_middleware_and_endpoints()
    {
        var app = new PartApp("--applicationName", "site").RegisterBlueprint<HostViews>().RegisterBlueprint<MembersBlueprint>();
        var backend = new PartApp("--applicationName", "backend", "--GREETING", "from backend").RegisterBlueprint<AdminBlueprint>();
        app.Services.AddSingleton<Greeter>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.AddFlagon(app);
        builder.AddFlagon(backend);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/members/welcome");
        builder.Services.AddAuthorization();
        builder.Services.AddHealthChecks();
        await using var web = builder.Build();
        web.UseAuthentication();
        web.UseAuthorization();
        web.MapFlagon(app);
        web.MapFlagon("/backend", backend);
        web.MapHealthChecks("/healthz");
        web.MapGet("/minimal", () => "minimal api");
        await web.StartAsync();
        using var client = web.GetTestClient();

        var view = await client.GetAsync("/greet/ada");
        var members = await client.GetAsync("/members/");
        var back = await client.GetAsync("/backend/admin/links");
        var backMissing = await client.GetAsync("/backend/nope");
        var rootMissing = await client.GetAsync("/nope/deeper");
        var health = await client.GetAsync("/healthz");
        var minimal = await client.GetAsync("/minimal");
        var slash = await client.GetAsync("/backend/docs");

        Assert.Equal("Hello, ada!", await view.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Found, members.StatusCode);
        Assert.Equal("/backend/admin/users/5 /backend/admin/ /backend/ /backend/", await back.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, backMissing.StatusCode);
        Assert.Contains("Not Found", await backMissing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, rootMissing.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal("minimal api", await minimal.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.PermanentRedirect, "/backend/docs/"), (slash.StatusCode, slash.Headers.Location?.OriginalString));
        // Both apps' rules are endpoints the host's tooling can list.
        var listed = web.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<RuleMetadata>()).Where(m => m is not null).Select(m => $"{m!.App}:{m.Rule}").ToList();
        Assert.Contains("site:/members/", listed);
        Assert.Contains("backend:/admin/links", listed);
        Assert.Equal("from backend", backend.Config["GREETING"]);
        Assert.NotSame(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, backend.Logger);
    }

    [Fact]
    public void Mapping_an_app_that_was_not_added_says_what_to_do()
    {
        var app = new PartApp();
        var web = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => web.MapFlagon(app));

        Assert.Contains("builder.AddFlagon(app)", error.Message);
    }
}
