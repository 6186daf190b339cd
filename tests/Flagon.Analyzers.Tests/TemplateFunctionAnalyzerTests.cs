using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.TemplateFunctionAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0301: [TemplateFilter] and [ContextProcessor] methods the generated code cannot register.</summary>
public class TemplateFunctionAnalyzerTests
{
    private static DiagnosticResult Error() => new("FLG0301", DiagnosticSeverity.Error);

    [Fact]
    public Task Filters_and_processors_of_the_supported_shapes_report_nothing() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Flagon;
        public static class Functions
        {
            [TemplateFilter] public static string Shout(string value) => value;
            [TemplateFilter("money")] public static string Money(decimal value, string currency, int? digits = null) => "";
            [TemplateFilter] internal static object? Pick(object? value, bool first) => value;
            [ContextProcessor] public static Dictionary<string, object?> Site() => new();
            [ContextProcessor] public static IEnumerable<KeyValuePair<string, object?>> Pairs() => [];
        }
        """);

    [Fact]
    public Task Filters_and_processors_that_cannot_be_registered_say_why() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Flagon;
        public class Functions
        {
            [TemplateFilter] public string {|#0:Instance|}(string value) => value;
            [TemplateFilter] public static string {|#1:NoValue|}() => "";
            [TemplateFilter] public static void {|#2:Nothing|}(string value) { }
            [TemplateFilter] public static string {|#3:Odd|}(string value, System.DateTime when) => "";
            [TemplateFilter] private static string {|#4:Hidden|}(string value) => value;
            [ContextProcessor] public static Dictionary<string, string> {|#5:Strings|}() => new();
            [ContextProcessor] public static Dictionary<string, object?> {|#6:WithParameter|}(int x) => new();
        }
        """,
        Error().WithLocation(0).WithArguments("template filter", "Instance", "it must be static"),
        Error().WithLocation(1).WithArguments("template filter", "NoValue", "it must take the filtered value as its first parameter"),
        Error().WithLocation(2).WithArguments("template filter", "Nothing", "it must return the new value (not void or a task)"),
        Error().WithLocation(3).WithArguments("template filter", "Odd", "its parameter 'when' must be a string, a number, a bool or an object"),
        Error().WithLocation(4).WithArguments("template filter", "Hidden", "it must be public or internal and not generic"),
        Error().WithLocation(5).WithArguments("context processor", "Strings", "it must return a Dictionary<string, object?> (or other key/value pairs of string and object)"),
        Error().WithLocation(6).WithArguments("context processor", "WithParameter", "it must take no parameters"));
}
