namespace Flagon.Runtime.Tests;

/// <summary>Configuration sources (Flask's from_object, from_file, from_prefixed_env) and debug mode's developer page.</summary>
public class ConfigAndDebugTests
{
    private sealed class BareApp(params string[] args) : App(args, []);

    internal static string Explode() => throw new InvalidOperationException("kaboom in a view");

    [Fact]
    public void Settings_come_from_objects_json_files_and_prefixed_environment_variables()
    {
        var json = Path.Combine(Path.GetTempPath(), $"flagon-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(json, """{ "FROM_JSON": "json", "GREETING": "from json" }""");
        Environment.SetEnvironmentVariable("FLAGONTEST_FROM_ENV", "env");
        try
        {
            var app = new BareApp()
                .ConfigFromObject(new { GREETING = "from object", DEBUG = false })
                .ConfigFromJson(json)
                .ConfigFromEnvironment("FLAGONTEST_");

            Assert.Equal("json", app.Config["FROM_JSON"]);
            Assert.Equal("env", app.Config["FROM_ENV"]);
            Assert.Equal("from json", app.Config["GREETING"]);
            Assert.False(app.Debug);
        }
        finally
        {
            File.Delete(json);
            Environment.SetEnvironmentVariable("FLAGONTEST_FROM_ENV", null);
        }
    }

    [Fact]
    public void The_command_line_wins_over_settings_given_in_code()
    {
        var app = new BareApp("--GREETING", "from the command line")
            .ConfigFromObject(new { GREETING = "from object", OTHER = "kept" })
            .ConfigFrom([new("GREETING", "from code")]);

        Assert.Equal("from the command line", app.Config["GREETING"]);
        Assert.Equal("kept", app.Config["OTHER"]);
    }

    [Fact]
    public void Settings_come_from_ini_files_with_sections_and_typed_access()
    {
        var ini = Path.Combine(Path.GetTempPath(), $"flagon-config-{Guid.NewGuid():N}.ini");
        File.WriteAllText(ini, "MAX_CONTENT_LENGTH=1024\nTESTING=true\n[redis]\nurl=redis://localhost:6379/0\n");
        try
        {
            var app = new BareApp().ConfigFromIni(ini);

            Assert.Equal(1024, Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue<int>(app.Config, "MAX_CONTENT_LENGTH"));
            Assert.Equal("redis://localhost:6379/0", app.Config["redis:url"]);
            Assert.True(app.Testing);
            Assert.True(app.PropagateExceptions);
            Assert.Throws<FileNotFoundException>(() => new BareApp().ConfigFromIni(ini + ".missing"));
        }
        finally
        {
            File.Delete(ini);
        }
    }

    [Fact]
    public async Task In_debug_mode_an_unhandled_exception_shows_the_developer_page()
    {
        var app = new BareApp("--DEBUG", "true");
        app.AddUrlRule("/explode", Explode, endpoint: "explode");
        using var client = app.TestClient();

        using var response = await client.GetAsync("/explode");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(app.Debug);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("kaboom in a view", body);
        Assert.Contains("InvalidOperationException", body);
    }

    [Fact]
    public async Task Outside_debug_mode_the_same_exception_is_a_plain_500()
    {
        var app = new BareApp("--DEBUG", "false");
        app.AddUrlRule("/explode", Explode, endpoint: "explode");
        using var client = app.TestClient();

        using var response = await client.GetAsync("/explode");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Internal Server Error", body);
        Assert.DoesNotContain("kaboom", body);
    }
}
