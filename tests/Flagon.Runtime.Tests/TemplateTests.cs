using Flagon.Routing;
using Flagon.Templates;

namespace Flagon.Runtime.Tests;

/// <summary>Flask's render_template on Fluid: layouts, includes, url_for, globals, filters, autoescape and errors.</summary>
// These tests render templates that are missing on purpose, or written while the test runs: the build-time check
// (FLG0302) would rightly flag them.
#pragma warning disable FLG0302
// One test renders outside an app context on purpose, to see the run-time error behind FLG0202.
#pragma warning disable FLG0202
public class TemplateTests
{
    private sealed class TemplateApp : App
    {
        public TemplateApp(params KeyValuePair<string, string?>[] settings)
            : base([], RouteTableRegistry.Tables) => ConfigFrom([new("SITE_NAME", "Flagon site"), .. settings]);
    }

    [Fact]
    public async Task A_page_extends_a_layout_fills_its_blocks_includes_a_partial_and_escapes_user_input()
    {
        using var client = new TemplateApp().TestClient();

        var page = await client.Get("/tpl/page", query: [new("comment", "<script>alert('x')</script>")]);

        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.StartsWith("<!doctype html>", page.Text);
        Assert.Contains("<title>Hello &amp; welcome - Flagon</title>", page.Text);
        Assert.Contains("<nav><a href=\"/\">home</a></nav>", page.Text);
        Assert.Contains("<h1>Hello &amp; welcome</h1>", page.Text);
        Assert.Contains("<p class=\"comment\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>", page.Text);
        Assert.DoesNotContain("<script>", page.Text);
        Assert.Contains("<p class=\"trusted\"><em>trusted</em></p>", page.Text);
        Assert.Contains("<li>First by ann</li><li>Second &lt;b&gt; by bob</li>", page.Text);
        Assert.Contains("<footer>base footer</footer>", page.Text);
    }

    [Fact]
    public void A_typed_model_is_read_by_its_names_in_any_case_and_wins_over_globals()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var text = Template.RenderString("{{ title }}|{{ Title }}|{% for i in items %}{{ i }},{% endfor %}|{{ config }}|{{ url_for(\"page\", pk: 1) }}",
            new ListingModel("T & co", ["a", "<b>"], "mine"));

        Assert.Equal("T &amp; co|T &amp; co|a,&lt;b&gt;,|mine|/page/1", text.Text);
    }

    [Fact]
    public async Task A_template_touches_the_session_only_when_it_reads_it()
    {
        // Flask: a response varies on the cookie only when the session was accessed (a template that never reads
        // `session` leaves it alone, so the page stays cacheable).
        using var client = new TemplateApp().TestClient();

        var plain = await client.Get("/tpl/no-session");
        var reads = await client.Get("/tpl/reads-session");

        Assert.Equal((200, "<p>plain /tpl/no-session</p>"), (plain.Status, plain.Text));
        Assert.Null(plain.Header("Vary"));
        Assert.Equal((200, "<p></p>"), (reads.Status, reads.Text));
        Assert.Equal("Cookie", reads.Header("Vary"));
    }

    [Fact]
    public async Task Flashed_messages_show_in_the_template_of_the_next_request()
    {
        using var client = new TemplateApp().TestClient();

        var page = await client.Get("/tpl/flash/saved", followRedirects: true);
        var again = await client.Get("/tpl/page");

        Assert.Contains("<p class=\"flash\">saved</p>", page.Text);
        Assert.DoesNotContain("class=\"flash\"", again.Text);
    }

    [Fact]
    public void A_grandchild_template_overrides_its_own_block_and_keeps_its_parents()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var text = Template.RenderText("deep.html", new { title = "Deep", posts = Array.Empty<Post>() });

        Assert.Contains("<title>Deep - Flagon</title>", text);
        Assert.Contains("<h1>Deep</h1>", text);
        Assert.Contains("<footer>deep footer</footer>", text);
    }

    [Fact]
    public void Globals_give_the_request_session_g_config_and_url_for_with_values_anchor_and_external()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/somewhere?q=flask");
        Globals.Session["user"] = "ann";
        Globals.G["who"] = "tester";

        var text = Template.RenderText("globals.html", new { });

        Assert.Equal("GET /somewhere q=flask user=ann g=tester site=Flagon site /page/3?x=y#top http://localhost/page/3 /static/style.css a: bc", text);
    }

    // Flask's url_for keywords in a template go through Url.For's: _scheme with _external, a refused _method.
    [Fact]
    public void Url_for_takes_flasks_scheme_keyword_and_refuses_method()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        Assert.Equal("https://localhost/page/3#top", Encoding(Template.RenderString("{{ url_for('page', pk: 3, _external: true, _scheme: 'https', _anchor: 'top') }}")));
        var refused = Assert.ThrowsAny<Exception>(() => Template.RenderString("{{ url_for('page', pk: 3, _method: 'POST') }}"));
        Assert.Contains("'_method'", refused.ToString());
    }

    [Fact]
    public void Text_templates_are_not_escaped_and_html_strings_are()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        Assert.Equal("Hello <ann> <b>", Template.RenderText("plain.txt", new { name = "<ann>" }));
        Assert.Equal("<p>&lt;ann&gt;</p>", Encoding(Template.RenderString("<p>{{ name }}</p>", new { name = "<ann>" })));
        Assert.Equal("<p><ann></p>", Encoding(Template.RenderString("<p>{{ name | raw }}</p>", new Dictionary<string, object?> { ["name"] = "<ann>" })));
    }

    [Fact]
    public void A_model_passed_as_object_still_shows_its_members()
    {
        var app = new TemplateApp();
        using var _ = app.AppContext();
        object model = new { name = "boxed" };

        Assert.Equal("Hello boxed <b>", Template.RenderText("plain.txt", model));
    }

    private static string Encoding(Response response) => System.Text.Encoding.UTF8.GetString(response.Body.Span);

    [Fact]
    public void Filters_globals_and_context_processors_added_to_the_app_reach_every_template()
    {
        var app = new TemplateApp()
            .AddTemplateFilter("shout", s => s.ToUpperInvariant() + "!")
            .AddTemplateFilter("money", (value, args) => $"{Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture).ToString("F" + args[1], System.Globalization.CultureInfo.InvariantCulture)} {args[0]}")
            .AddTemplateGlobal("site", "flagon.dev")
            .AddContextProcessor(() => [new("visitor", "guest"), new("title", "from processor")]);
        using var _ = app.TestRequestContext("/");

        var text = Template.RenderText("filters.html", new { title = "hi", price = 3.5 });

        Assert.Equal("HI! 3.50 EUR flagon.dev guest", text);
    }

    [Fact]
    public void A_missing_template_names_the_folders_searched()
    {
        var app = new TemplateApp();
        using var _ = app.AppContext();

        var error = Assert.Throws<TemplateNotFoundException>(() => Template.Render("nope.html"));

        Assert.Equal("nope.html", error.Name);
        Assert.Contains("templates", error.Message);
        Assert.Contains("nope.html", error.Message);
        Assert.Throws<TemplateNotFoundException>(() => Template.Render("../TemplateTests.cs"));
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        var app = new TemplateApp();
        using var _ = app.AppContext();

        var error = Assert.Throws<TemplateSyntaxException>(() => Template.Render("broken.html"));

        Assert.EndsWith("broken.html", error.Path);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 0);
        Assert.Contains("broken.html(2,", error.Message);
    }

    [Fact]
    public void Templates_that_extend_each_other_in_a_loop_are_an_error_not_a_hang()
    {
        var app = new TemplateApp();
        using var _ = app.AppContext();

        var error = Assert.Throws<TemplateSyntaxException>(() => Template.Render("loop1.html"));

        Assert.Contains("loop1.html -> loop2.html -> loop1.html", error.Message);
    }

    [Fact]
    public void Blueprint_template_folders_are_searched_after_the_apps()
    {
        var app = new TemplateApp();
        app.RegisterBlueprint<AdminBlueprint>(templateFolder: "blueprint_templates");
        using var _ = app.AppContext();

        Assert.Equal("app admin page", Template.RenderText("admin/index.html", new { }));
        Assert.Equal("only in the blueprint", Template.RenderText("bp-only.html", new { }));
    }

    [Fact]
    public void In_debug_mode_a_changed_template_is_read_again_and_otherwise_it_is_cached()
    {
        var root = Flagon.Tests.Shared.TemporaryFolders.Create("flagon-templates-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "templates"));
        var file = Path.Combine(root, "templates", "live.html");
        File.WriteAllText(file, "one");
        var debug = new ContentRootApp(root, "true");
        var production = new ContentRootApp(root, "false");
        // Flask's TEMPLATES_AUTO_RELOAD decides it either way.
        var reloading = new ContentRootApp(root, "false", "--TEMPLATES_AUTO_RELOAD", "true");
        var debugNotReloading = new ContentRootApp(root, "true", "--TEMPLATES_AUTO_RELOAD", "false");
        App[] apps = [debug, production, reloading, debugNotReloading];
        foreach (var app in apps)
        {
            using (app.AppContext())
            {
                Assert.Equal("one", Template.RenderText("live.html", new { }));
            }
        }

        File.WriteAllText(file, "two");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        using (debug.AppContext())
        {
            Assert.Equal("two", Template.RenderText("live.html", new { }));
        }
        using (production.AppContext())
        {
            Assert.Equal("one", Template.RenderText("live.html", new { }));
        }
        using (reloading.AppContext())
        {
            Assert.Equal("two", Template.RenderText("live.html", new { }));
        }
        using (debugNotReloading.AppContext())
        {
            Assert.Equal("one", Template.RenderText("live.html", new { }));
        }
    }

    private sealed class ContentRootApp(string root, string debug, params string[] more) : App(["--contentRoot", root, "--DEBUG", debug, .. more], []);

    [Fact]
    public void Rendering_outside_an_app_context_says_what_is_missing()
    {
        var error = Assert.Throws<OutsideContextException>(() => Template.Render("page.html"));
        Assert.Contains("application context", error.Message);
    }

    [Fact]
    public async Task In_debug_mode_a_template_error_shows_on_the_developer_page()
    {
        using var client = new TemplateApp(new KeyValuePair<string, string?>("DEBUG", "true")).TestClient();

        var page = await client.Get("/tpl/broken", headers: [new("Accept", "text/html")]);

        Assert.Equal(500, page.Status);
        Assert.Contains("TemplateSyntaxException", page.Text);
        Assert.Contains("broken.html(2,", page.Text);
    }

    [Fact]
    public void Super_renders_the_parents_block_through_every_level_of_the_chain()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var text = Template.RenderText("super_child.html", new { title = "News & notes", extra = "<b>" });

        // Jinja2's result: each level adds to its parent's block; the parent's text is not escaped twice.
        Assert.Equal("<title>News &amp; notes - Site</title><ul><li>home</li><li>blog</li><li>&lt;b&gt;</li></ul>", text);
    }

    [Fact]
    public void Super_without_a_parent_block_says_which_block()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        // 'title' has a parent; 'inner', nested in it, is defined by no template above.
        var error = Assert.ThrowsAny<Exception>(() => Template.RenderText("super_orphan.html", new { }));

        Assert.Contains("super() in block 'inner': no parent template defines that block", error.ToString());
    }

    [Fact]
    public void Macros_imported_from_another_template_file_render_with_named_arguments_and_escaping()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var text = Template.RenderText("form_page.html", new { title = "\"Tom\" & Jerry" });

        Assert.Equal(
            "<title>Site</title><ul><form>"
            + "<label>Title <input name=\"title\" value=\"&#34;Tom&#34; &amp; Jerry\"></label>"
            + "<label>Body <input name=\"body\" value=\"\"></label>"
            + "<button>Save</button></form></ul>",
            text);
    }

    [Fact]
    public void Macro_arguments_bind_by_position_then_by_name_in_any_order_with_defaults_for_the_rest()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");
        const string macro = "{% macro input(name, type=\"text\", value=\"\", required=false) %}<input type=\"{{ type }}\" name=\"{{ name }}\" value=\"{{ value }}\"{% if required %} required{% endif %}>{% endmacro %}";

        var text = Template.RenderString(macro + "{{ input(\"password\", required=true, type=\"password\") }}|{{ input(\"q\", \"search\") }}|{{ input(name=\"n\", value=v) }}", new { v = "<x>" });

        Assert.Equal("<input type=\"password\" name=\"password\" value=\"\" required>|<input type=\"search\" name=\"q\" value=\"\">|<input type=\"text\" name=\"n\" value=\"&lt;x&gt;\">", Encoding(text));
    }

    [Theory]
    [InlineData("{{ m(1, 2, 3) }}", "macro 'm' takes 2 argument(s), 3 given.")]
    [InlineData("{{ m(1, colour=2) }}", "macro 'm' has no argument 'colour'; its arguments: a, b.")]
    public void A_macro_called_with_arguments_it_does_not_have_says_so(string call, string message)
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var error = Assert.ThrowsAny<Exception>(() => Template.RenderString("{% macro m(a, b=1) %}{{ a }}{{ b }}{% endmacro %}" + call, new { }));

        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public void Html_escaping_keeps_text_in_other_scripts_as_it_is()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var text = Template.RenderString("<p>{{ word }}</p>", new { word = "Größe лошадь 馬 & <i>" });

        Assert.Equal("<p>Größe лошадь 馬 &amp; &lt;i&gt;</p>", Encoding(text));
    }

    [Fact]
    public void Html_escaping_writes_markupsafe_s_five_references_and_every_other_character_as_it_is()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        // markupsafe.escape("C++ & a+b <i> \"q\" 'a' `t` = 😀 \u00a0 \u2028") in Flask's Jinja2
        var text = Template.RenderString("<p title=\"{{ word }}\">{{ word }}</p>", new { word = "C++ & a+b <i> \"q\" 'a' `t` = 😀 \u00a0 \u2028" });

        const string escaped = "C++ &amp; a+b &lt;i&gt; &#34;q&#34; &#39;a&#39; `t` = 😀 \u00a0 \u2028";
        Assert.Equal($"<p title=\"{escaped}\">{escaped}</p>", Encoding(text));
    }

    [Fact]
    public void Importing_a_macro_the_file_does_not_define_names_what_it_has()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var error = Assert.ThrowsAny<Exception>(() => Template.RenderText("bad_import.html", new { }));

        Assert.Contains("Template 'forms.html' has no macro 'nosuch' to import; it defines: field, button.", error.ToString());
    }

    [Fact]
    public void Importing_from_a_template_that_does_not_exist_names_the_folders_searched()
    {
        var app = new TemplateApp();
        using var _ = app.TestRequestContext("/");

        var error = Assert.Throws<TemplateNotFoundException>(() => Template.RenderString("{% from \"missing_forms.html\" import field %}", new { }));

        Assert.Contains("missing_forms.html", error.Message);
    }

    [Theory]
    [InlineData("{{ url_for(\"page\", pk: 3) }}", "{{ url_for(\"page\", pk= 3) }}")]
    [InlineData("{{ f(a:1, _b : 2) }}", "{{ f(a=1, _b = 2) }}")]
    [InlineData("{{ \"a: b\" | append: \"c\" }}", "{{ \"a: b\" | append: \"c\" }}")]
    [InlineData("{{ f(\"x, y: z\") }} text: (a, b: c)", "{{ f(\"x, y: z\") }} text: (a, b: c)")]
    [InlineData("{% if f(a: 1) %}", "{% if f(a= 1) %}")]
    public void Named_arguments_with_a_colon_become_jinja_style_only_inside_calls_in_tags(string source, string expected) =>
        Assert.Equal(expected, NamedArguments.Normalize(source));
}

/// <summary>A typed model whose names are written in lower case in templates; its Config shadows the global.</summary>
public sealed record ListingModel(string Title, string[] Items, string Config);
