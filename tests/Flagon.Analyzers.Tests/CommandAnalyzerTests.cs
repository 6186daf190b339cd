using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.CommandAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0401: [Command] methods the generated code cannot register.</summary>
public class CommandAnalyzerTests
{
    private static DiagnosticResult Error() => new("FLG0401", DiagnosticSeverity.Error);

    [Fact]
    public Task Commands_of_the_supported_shapes_report_nothing() => Verify.VerifyAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Flagon;
        public sealed class Store { }
        public static class Tasks
        {
            [Command] public static void Plain() { }
            [Command("seed-db")] public static Task<int> Seed(string source, Store store, [CommandOption("-n", "--count")] int count = 1, CancellationToken token = default) => Task.FromResult(0);
            [Command] internal static ValueTask Many([CommandArgument] string[] names, System.IO.FileInfo? file = null) => default;
            [Command] public static int Dated(System.DateOnly day, System.Guid id, System.Uri where, System.TimeSpan? wait = null) => 0;
        }
        """);

    [Fact]
    public Task Commands_that_cannot_be_registered_say_why() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Flagon;
        public sealed class Store { }
        public class Tasks
        {
            [Command] public void {|#0:Instance|}() { }
            [Command] private static void {|#1:Hidden|}() { }
            [Command] public static string {|#2:Text|}() => "";
            [Command] public static Task<string> {|#3:TextLater|}() => Task.FromResult("");
            [Command("two words")] public static void {|#4:Spaced|}() { }
            [Command("--dash")] public static void {|#5:Dashed|}() { }
            [Command] public static void {|#6:Referenced|}(ref int count) { }
            [Command] public static void {|#7:ForcedService|}([CommandOption] Store store) { }
            [Command] public static void {|#8:BadOption|}([CommandOption("count")] int count) { }
            [Command] public static void {|#9:Both|}([CommandOption, CommandArgument] int count) { }
        }
        """,
        Error().WithLocation(0).WithArguments("Instance", "it must be static"),
        Error().WithLocation(1).WithArguments("Hidden", "it must be public or internal and not generic"),
        Error().WithLocation(2).WithArguments("Text", "it must return int, Task<int> or ValueTask<int> (the exit code), or void, Task or ValueTask, not 'string'"),
        Error().WithLocation(3).WithArguments("TextLater", "it must return int, Task<int> or ValueTask<int> (the exit code), or void, Task or ValueTask, not 'System.Threading.Tasks.Task<string>'"),
        Error().WithLocation(4).WithArguments("Spaced", "its command name 'two words' must be a word without spaces that does not start with '-'"),
        Error().WithLocation(5).WithArguments("Dashed", "its command name '--dash' must be a word without spaces that does not start with '-'"),
        Error().WithLocation(6).WithArguments("Referenced", "its parameter 'count' must be a plain parameter (not ref, out, in or params)"),
        Error().WithLocation(7).WithArguments("ForcedService", "its parameter 'store' is marked as an option or argument, but System.CommandLine cannot read a 'Store' from the command line"),
        Error().WithLocation(8).WithArguments("BadOption", "its option 'count' has the name 'count', which must start with '-' and have no spaces"),
        Error().WithLocation(9).WithArguments("Both", "its parameter 'count' cannot be both an option and an argument"));
}
