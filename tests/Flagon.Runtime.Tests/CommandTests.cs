using Flagon.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Runtime.Tests;

/// <summary>
/// [Command] methods (Flask's <c>@app.cli.command</c>) run through the app's command line, with arguments, options and
/// services from their parameters, by the test CLI runner (Flask's <c>app.test_cli_runner()</c>).
/// </summary>
[Collection(CliTests.ExitCode)]
public class CommandTests
{
    private sealed class CommandApp() : App([], RouteTableRegistry.Tables);

    private static (App App, Testing.CliRunner Runner) NewApp()
    {
        var app = new CommandApp();
        app.Services.AddSingleton<Guestbook>();
        return (app, app.TestCliRunner());
    }

    /// <summary>
    /// The lines a command wrote: the runner redirects the process's Console.Out, so the console logger of another
    /// test's app, writing on its own thread meanwhile, can land there too ("info: …" and its indented lines).
    /// </summary>
    private static string[] Lines(string output) =>
        [.. output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !char.IsWhiteSpace(l[0]) && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^(trce|dbug|info|warn|fail|crit): "))];

    [Fact]
    public void Arguments_options_flags_enums_and_defaults_come_from_the_parameters()
    {
        var (_, runner) = NewApp();

        var plain = runner.Invoke("welcome", "ada");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(["Hello, ada! (Normal)"], Lines(plain.Output));

        var full = runner.Invoke("welcome", "ada", "--times", "2", "--shout", "-e", "?", "--volume", "Loud");
        Assert.Equal(0, full.ExitCode);
        Assert.Equal(["HELLO, ADA? (LOUD)", "HELLO, ADA? (LOUD)"], Lines(full.Output));

        // The method's return value is the exit code.
        Assert.Equal(3, runner.Invoke("welcome", "ada", "--times", "0").ExitCode);
    }

    [Fact]
    public void A_wrong_command_line_is_exit_code_1_with_System_CommandLines_message()
    {
        var (_, runner) = NewApp();

        var missing = runner.Invoke("welcome");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Required argument 'name' missing for command: 'welcome'", missing.Error);

        var notANumber = runner.Invoke("welcome", "ada", "--times", "many");
        Assert.Equal(1, notANumber.ExitCode);
        Assert.Contains("many", notANumber.Error);

        var requiredOption = runner.Invoke("sign-book", "ann");
        Assert.Equal(1, requiredOption.ExitCode);
        Assert.Contains("--by", requiredOption.Error);
    }

    [Fact]
    public void Services_and_many_valued_arguments_are_given_to_async_commands()
    {
        var (app, runner) = NewApp();

        var result = runner.Invoke("sign-book", "ann", "bob", "--by", "clerk");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["ann (by clerk)", "bob (by clerk)"], app.ApplicationServices.GetRequiredService<Guestbook>().Names);
    }

    [Fact]
    public void A_command_runs_in_an_app_context()
    {
        var (app, runner) = NewApp();

        var result = runner.Invoke("where-am-i");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{app.Name} /"], Lines(result.Output));
    }

    [Fact]
    public void An_exception_is_kept_on_the_result_with_exit_code_1()
    {
        var (_, runner) = NewApp();

        var result = runner.Invoke("fail", "--reason", "disk full");

        Assert.True(result.ExitCode == 1 && result.Exception is not null, $"{result.ExitCode}: {result.Output} {result.Error}");
        Assert.Equal("disk full", Assert.IsType<InvalidOperationException>(result.Exception).Message);
    }

    [Fact]
    public void Help_lists_the_commands_with_their_descriptions_and_options()
    {
        var (_, runner) = NewApp();

        var help = runner.Invoke("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("welcome <name>", help.Output);
        Assert.Contains("Greets someone, as often as asked.", help.Output);   // the XML doc summary
        Assert.Contains("sign-book <names>", help.Output);
        Assert.Contains("Writes names in the guestbook.", help.Output);      // the attribute's Description
        Assert.Contains("routes", help.Output);

        var welcome = runner.Invoke("welcome", "--help");
        Assert.Contains("Who to greet.", welcome.Output);
        Assert.Contains("--times", welcome.Output);
        Assert.Contains("How many times.", welcome.Output);
        Assert.Contains("-e, --end", welcome.Output);
        Assert.Contains("--volume <Loud|Normal|Quiet>", welcome.Output);
    }
}
