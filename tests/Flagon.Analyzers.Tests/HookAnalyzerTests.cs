using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.HookAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class HookAnalyzerTests
{
    [Fact]
    public Task Hooks_of_the_right_shape_report_nothing() => Verify.VerifyAsync("""
        using Flagon;
        static class Hooks
        {
            [BeforeRequest] public static string? Gate() => null;
            [BeforeRequest] public static Response? Redirect() => null;
            [AfterRequest] public static Response Stamp(Response response) => response;
            [TeardownRequest] public static void Close(System.Exception? error) { }
        }
        """);

    [Fact]
    public Task FLG0108_a_hook_returning_what_it_may_not() => Verify.VerifyAsync("""
        using Flagon;
        static class Hooks
        {
            [TeardownRequest] public static string {|#0:Close|}() => "x";
        }
        """,
        new DiagnosticResult("FLG0108", DiagnosticSeverity.Error).WithLocation(0).WithArguments("TeardownRequest", "Close", "string", "void or Task"));

    [Fact]
    public Task FLG0102_a_hook_parameter_nothing_fills() => Verify.VerifyAsync("""
        using Flagon;
        static class Hooks
        {
            [BeforeRequest] public static void Gate(int {|#0:limit|}) { }
        }
        """,
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(0).WithArguments("limit", "Gate"));

    [Fact]
    public Task Async_hooks_fit() => Verify.VerifyAsync("""
        using Flagon;
        using System.Threading.Tasks;
        static class Hooks
        {
            [BeforeRequest] public static Task<string?> Gate() => Task.FromResult<string?>(null);
            [BeforeRequest] public static async ValueTask Log() => await Task.Yield();
            [AfterRequest] public static Task<Response> Stamp(Response response) => Task.FromResult(response);
            [TeardownRequest] public static Task Close(System.Exception? error) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task FLG0109_a_teardown_exception_parameter_narrower_than_Exception() => Verify.VerifyAsync("""
        using Flagon;
        static class Hooks
        {
            [TeardownRequest] public static void Close(System.InvalidOperationException? {|#0:error|}) { }
        }
        """,
        new DiagnosticResult("FLG0109", DiagnosticSeverity.Error).WithLocation(0).WithArguments("error", "System.InvalidOperationException?", "Close", "any Exception"));

    [Fact]
    public Task FLG0102_what_only_other_hooks_receive() => Verify.VerifyAsync("""
        using Flagon;
        static class Hooks
        {
            [BeforeRequest] public static void Before(System.Exception {|#0:error|}) { }
            [TeardownRequest] public static void Close(Response {|#1:response|}) { }
        }
        """,
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(0).WithArguments("error", "Before"),
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(1).WithArguments("response", "Close"));
}
