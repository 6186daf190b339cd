using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.ErrorHandlerAnalyzer>;

namespace Flagon.Analyzers.Tests;

public class ErrorHandlerAnalyzerTests
{
    [Fact]
    public Task Handlers_taking_the_error_the_request_or_services_are_fine() => Verify.VerifyAsync("""
        using Flagon;
        static class Handlers
        {
            [ErrorHandler(404), ErrorHandler(405)]
            public static (string, int) Miss(HttpError e) => ("miss", e.Code);

            [ErrorHandler(500)]
            public static string Failure(System.Exception e, System.Threading.CancellationToken token) => "failure";
        }
        """);

    [Fact]
    public Task FLG0102_a_handler_parameter_nothing_fills() => Verify.VerifyAsync("""
        using Flagon;
        static class Handlers
        {
            [ErrorHandler(404)]
            public static string Miss(int {|#0:code|}) => "miss";
        }
        """,
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(0).WithArguments("code", "Miss"));

    [Fact]
    public Task FLG0104_a_handler_return_type_flagon_cannot_write() => Verify.VerifyAsync("""
        using Flagon;
        static class Handlers
        {
            [ErrorHandler(404)]
            public static int {|#0:Miss|}() => 404;
        }
        """,
        new DiagnosticResult("FLG0104", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Miss", "int"));

    [Fact]
    public Task A_handler_parameter_of_the_handled_type_or_a_base_receives_the_exception() => Verify.VerifyAsync("""
        using Flagon;
        class PaymentRequired() : HttpError(402);
        static class Handlers
        {
            [ErrorHandler(typeof(PaymentRequired))]
            public static (string, int) OnPayment(PaymentRequired e) => ("pay", 402);

            [ErrorHandler(typeof(System.ArgumentNullException)), ErrorHandler(typeof(System.ArgumentOutOfRangeException))]
            public static string OnArgument(System.ArgumentException e) => e.ParamName ?? "";

            [ErrorHandler(typeof(HttpError))]
            public static string OnAnyHttpError(HttpError e) => "http";
        }
        """);

    [Fact]
    public Task FLG0109_a_handler_parameter_that_cannot_hold_a_handled_exception() => Verify.VerifyAsync("""
        using Flagon;
        static class Handlers
        {
            [ErrorHandler(typeof(System.ArgumentException))]
            public static string OnArgument(System.ArgumentNullException {|#0:e|}) => "";

            [ErrorHandler(404)]
            public static string Miss(System.InvalidOperationException {|#1:e|}) => "";
        }
        """,
        new DiagnosticResult("FLG0109", DiagnosticSeverity.Error).WithLocation(0).WithArguments("e", "System.ArgumentNullException", "OnArgument", "'System.ArgumentException'"),
        new DiagnosticResult("FLG0109", DiagnosticSeverity.Error).WithLocation(1).WithArguments("e", "System.InvalidOperationException", "Miss", "'Flagon.HttpError'"));

    [Fact]
    public Task FLG0102_an_error_handler_does_not_receive_a_response() => Verify.VerifyAsync("""
        using Flagon;
        static class Handlers
        {
            [ErrorHandler(404)]
            public static string Miss(Response {|#0:response|}) => "";
        }
        """,
        new DiagnosticResult("FLG0102", DiagnosticSeverity.Error).WithLocation(0).WithArguments("response", "Miss"));
}
