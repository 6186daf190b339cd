using System.CommandLine;

namespace Flagon.Testing;

/// <summary>
/// Runs the app's commands in tests, as Flask's <c>FlaskCliRunner</c> does: <see cref="Invoke"/> parses a command line
/// with <see cref="App.Cli"/> and runs it inside an app context, capturing what it writes. Made by
/// <see cref="App.TestCliRunner"/>. Console.Out and Console.Error are the process's: while a command runs they are
/// redirected, so what other threads write to the console then (another app's console logger) is captured too.
/// </summary>
/// <example>
/// <code>
/// var result = app.TestCliRunner().Invoke("create-user", "ada", "--admin");
/// Assert.Equal(0, result.ExitCode);
/// Assert.Contains("made ada", result.Output);
/// </code>
/// </example>
public sealed class CliRunner
{
    // Console.Out and Console.Error are the process's: one invocation at a time redirects them.
    private static readonly SemaphoreSlim ConsoleGate = new(1, 1);
    private readonly App app;

    internal CliRunner(App app) => this.app = app;

    /// <summary>Runs the command line <paramref name="arguments"/> (without the program's name) and returns its result.</summary>
    public CliResult Invoke(params string[] arguments) => InvokeAsync(arguments).GetAwaiter().GetResult();

    /// <summary>Runs the command line <paramref name="arguments"/>; see <see cref="Invoke"/>.</summary>
    public Task<CliResult> InvokeAsync(params string[] arguments) => InvokeAsync(arguments, CancellationToken.None);

    /// <summary>Runs the command line <paramref name="arguments"/>, cancelled by <paramref name="cancellationToken"/>.</summary>
    public Task<CliResult> InvokeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        InvokeAsync(arguments, input: null, cancellationToken);

    /// <summary>
    /// Runs the command line <paramref name="arguments"/> with <paramref name="input"/> as what the command reads from
    /// the console (<c>Console.In</c>), as Click's runner's <c>input=</c>: answers to prompts, lines for a shell.
    /// </summary>
    public CliResult InvokeWithInput(string input, params string[] arguments) =>
        InvokeAsync(arguments, input ?? throw new ArgumentNullException(nameof(input)), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs the command line <paramref name="arguments"/>, reading <paramref name="input"/> (null: the console's own input).</summary>
    public async Task<CliResult> InvokeAsync(IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var output = new StringWriter();
        var error = new StringWriter();
        await ConsoleGate.WaitAsync(cancellationToken);
        var (oldOut, oldError, oldIn) = (Console.Out, Console.Error, Console.In);
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            if (input is not null)
            {
                Console.SetIn(new StringReader(input));
            }
            using (app.AppContext())
            {
                var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
                int exitCode;
                Exception? exception = null;
                try
                {
                    exitCode = await app.Cli.Parse(arguments).InvokeAsync(configuration, cancellationToken);
                }
                catch (Exception thrown) when (thrown is not OperationCanceledException)
                {
                    // As Click's runner does: the exception is kept on the result, and the exit code is 1.
                    exception = thrown;
                    exitCode = 1;
                }
                return new CliResult(exitCode, output.ToString(), error.ToString(), exception);
            }
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Console.SetIn(oldIn);
            ConsoleGate.Release();
        }
    }
}
