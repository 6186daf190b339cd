using System.CommandLine;
using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>The app's command line: a command named first runs instead of the server, inside an app context.</summary>
[Collection(CliTests.ExitCode)]
public class CliTests
{
    /// <summary>The tests that read Environment.ExitCode, which is the process's, run one at a time.</summary>
    public const string ExitCode = "Environment.ExitCode";

    private sealed class CliApp(params string[] args) : App(args, RouteTableRegistry.Tables);

    [Fact]
    public async Task A_command_named_first_runs_in_an_app_context_with_the_built_services_and_sets_the_exit_code()
    {
        var app = new CliApp("greet", "--name", "ada");
        var name = new Option<string>("--name") { Required = true };
        var greet = new Command("greet") { name };
        string? seen = null;
        greet.SetAction(result =>
        {
            seen = $"{result.GetValue(name)} in {Globals.CurrentApp.Name}, services: {Globals.CurrentApp.ApplicationServices is not null}, url {Url.For("index")}";
            return 3;
        });
        app.Cli.Subcommands.Add(greet);

        await app.RunAsync();

        Assert.Equal($"ada in {app.Name}, services: True, url /", seen);
        Assert.Equal(3, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public async Task A_word_that_names_no_command_is_an_error_not_a_server()
    {
        var app = new CliApp("nope");

        await app.RunAsync();

        Assert.Equal(1, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public void Runs_own_options_become_the_address_and_debug_mode_and_the_rest_stay_settings()
    {
        var app = new CliApp("run", "--host", "::1", "-p", "8123", "--debug", "--SITE_NAME", "Demo");

        Assert.Equal("http://[::1]:8123", app.Config["urls"]);
        Assert.True(app.Debug);
        Assert.Equal("Demo", app.Config["SITE_NAME"]);
        Assert.Null(app.Config["host"]);
        Assert.Null(app.Config["p"]);

        var settingsOnly = new CliApp("run", "--urls", "http://127.0.0.1:9001", "--DEBUG", "true", "--no-debug");
        Assert.Equal("http://127.0.0.1:9001", settingsOnly.Config["urls"]);
        Assert.False(settingsOnly.Debug);
    }

    [Theory]
    [InlineData(1, "--port", "http")]
    [InlineData(1, "--port", "70000")]
    [InlineData(1, "--host", "0.0.0.0", "--debug")]
    [InlineData(1, "--urls", "http://+:9000", "--debug")]
    [InlineData(1, "--urls", "http://127.0.0.1:9000;http://0.0.0.0:9001", "--DEBUG", "true")]
    [InlineData(0, "--help")]
    public async Task Run_with_wrong_options_or_debug_beyond_loopback_or_help_does_not_serve(int exitCode, params string[] options)
    {
        var app = new CliApp(["run", .. options]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await app.RunAsync(stop.Token);

        Assert.False(stop.IsCancellationRequested, "it returned at once, without serving");
        Assert.Equal(exitCode, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    public async Task Help_given_first_lists_the_commands_instead_of_serving(string help)
    {
        var app = new CliApp(help);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await app.RunAsync(stop.Token);

        Assert.False(stop.IsCancellationRequested, "it returned at once, without serving");
        Assert.Equal(0, Environment.ExitCode);
        Assert.Contains("routes", app.Cli.Subcommands.Select(c => c.Name));
        Assert.Contains("run", app.Cli.Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", null)]
    [InlineData("http://localhost:5000;https://[::1]:5001", null)]
    [InlineData("http://*:5000", "*")]
    [InlineData("http://+:80/", "+")]
    [InlineData("http://127.0.0.1:5000;http://[::]:5001", "[::]")]
    [InlineData("http://example.org:8080", "example.org")]
    public void The_served_address_is_reachable_from_elsewhere_unless_every_url_is_loopback(string urls, string? reachable) =>
        Assert.Equal(reachable, Flagon.Cli.RunCommand.ReachableHost(urls));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.1.2.3", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("192.168.1.5", false)]
    [InlineData("example.org", false)]
    public void Loopback_hosts_are_this_machine_only(string host, bool loopback) =>
        Assert.Equal(loopback, Flagon.Cli.RunCommand.IsLoopback(host));

    [Fact]
    public void The_services_of_an_app_not_yet_built_are_an_error_that_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CliApp().ApplicationServices);

        Assert.Contains("not built yet", error.Message);
    }

    [Fact]
    public void The_instance_folder_is_under_the_content_root_unless_configured()
    {
        var plain = new CliApp();
        var configured = new CliApp("--INSTANCE_PATH", "/tmp/flagon-instance-test");

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "instance"), plain.InstancePath);
        Assert.Equal("/tmp/flagon-instance-test", configured.InstancePath);
    }
}

/// <summary>Werkzeug's secure_filename, on its documented examples and on what an attacker sends.</summary>
public class SecureFilenameTests
{
    [Theory]
    [InlineData("My cool movie.mov", "My_cool_movie.mov")]
    [InlineData("../../../etc/passwd", "etc_passwd")]
    [InlineData("i contain cool \u00fcml\u00e4uts.txt", "i_contain_cool_umlauts.txt")]
    [InlineData("..\\..\\windows\\system32.dll", "windows_system32.dll")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("....", "")]
    [InlineData("photo\u0000.png", "photo.png")]
    [InlineData("снимок.png", "png")]
    public void Names_are_made_safe_as_Werkzeug_does(string given, string safe) =>
        Assert.Equal(safe, Globals.SecureFilename(given));
}
