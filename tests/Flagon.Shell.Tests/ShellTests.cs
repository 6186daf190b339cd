namespace Flagon.Shell.Tests;

/// <summary>
/// <c>shell</c> (Flask's <c>flask shell</c>): C# in the app's context, one line with <c>-c</c> or a session read line
/// by line, values printed as C# writes them, errors reported without ending the session.
/// </summary>
public class ShellTests
{
    private static Flagon.Testing.CliRunner Runner() => new ShellApp().TestCliRunner();

    [Fact]
    public void A_command_line_expression_sees_the_app_and_its_context()
    {
        var name = Runner().Invoke("shell", "-c", "app.Name");
        var current = Runner().Invoke("shell", "-c", "CurrentApp.Name + \" \" + Url.For(\"page\", new { pk = 3 })");

        Assert.Equal((0, "\"shell-app\""), (name.ExitCode, name.Output.Trim()));
        Assert.Equal((0, "\"shell-app /page/3\""), (current.ExitCode, current.Output.Trim()));
    }

    [Fact]
    public void A_session_keeps_its_variables_and_reads_multi_line_statements()
    {
        var result = Runner().InvokeWithInput("""
            var x = 40;
            x + 2
            foreach (var rule in app.UrlMap.OrderBy(r => r.Endpoint))
            {
                Console.WriteLine(rule.Endpoint);
            }
            Console.WriteLine("done")
            """, "shell");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["42", "index", "page", "static", "done"], Lines(result.Output));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Errors_are_reported_and_the_session_goes_on_until_exit()
    {
        var result = Runner().InvokeWithInput("""
            nope + 1
            throw new InvalidOperationException("boom");
            "still here"
            exit
            "not run"
            """, "shell");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("error CS0103: The name 'nope' does not exist in the current context", result.Error);
        Assert.Contains("System.InvalidOperationException: boom", result.Error);
        Assert.Equal(["\"still here\""], Lines(result.Output));
    }

    [Fact]
    public void Services_come_from_one_scope_for_the_whole_session()
    {
        var result = Runner().InvokeWithInput("Get<Counter>().Next()\nGet<Counter>().Next()\n", "shell");
        var another = Runner().Invoke("shell", "-c", "Get<Counter>().Next()");

        Assert.Equal(["1", "2"], Lines(result.Output));
        Assert.Equal("1", another.Output.Trim());
    }

    [Fact]
    public void A_failing_command_line_is_exit_code_1()
    {
        var compile = Runner().Invoke("shell", "-c", "1 +");
        var thrown = Runner().Invoke("shell", "-c", "throw new Exception(\"no\");");

        Assert.Equal(1, compile.ExitCode);
        Assert.Contains("error CS1733", compile.Error);
        Assert.Equal(1, thrown.ExitCode);
        Assert.Contains("System.Exception: no", thrown.Error);
    }

    [Fact]
    public void Help_lists_the_shell()
    {
        var result = Runner().Invoke("--help");

        Assert.Contains("shell", result.Output);
        Assert.Contains("Runs a C# shell in the app's context", result.Output);
    }

    // The output's lines without the prompts a terminal would get.
    private static string[] Lines(string output) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.Replace(">>> ", "").Replace("... ", "")).Where(l => l.Length > 0)];
}
