using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Flagon.Analyzers.Tests;

/// <summary>
/// The Roslyn analyzer test harness with .NET 10 reference assemblies from Basic.Reference.Assemblies
/// (nothing is downloaded) and a stub of Flagon's attributes, so analyzer tests need no runtime build.
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string FlagonStub = """
        namespace Flagon.Routing
        {
            public abstract class RouteConverter<T>
            {
                public virtual string Regex => "[^/]+";
                public abstract bool TryParse(System.ReadOnlySpan<char> text, out T value);
                public virtual string ToUrl(T value) => value?.ToString() ?? "";
            }
        }

        namespace Flagon
        {
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public sealed class RouteAttribute(string rule) : System.Attribute
            {
                public string Rule { get; } = rule;
                public string[]? Methods { get; set; }
                public string? Defaults { get; set; }
                public string? Endpoint { get; set; }
                public bool StrictSlashes { get; set; } = true;
                public TrailingSlash TrailingSlash { get; set; }
            }

            public enum TrailingSlash { Redirect, Accept, Strict }

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class RouteConverterAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
                public int Weight { get; set; } = 100;
            }

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public sealed class ErrorHandlerAttribute : System.Attribute
            {
                public ErrorHandlerAttribute(int code) => Code = code;
                public ErrorHandlerAttribute(System.Type exceptionType) => ExceptionType = exceptionType;
                public int Code { get; }
                public System.Type? ExceptionType { get; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class BeforeRequestAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class AfterRequestAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class TeardownRequestAttribute : System.Attribute { }
            public class Response { }

            public class HttpError(int code) : System.Exception
            {
                public int Code { get; } = code;
            }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class TemplateFilterAttribute(string? name = null) : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class ContextProcessorAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class CommandAttribute : System.Attribute
            {
                public CommandAttribute() { }
                public CommandAttribute(string name) { }
                public string? Description { get; set; }
            }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public sealed class CommandOptionAttribute(params string[] names) : System.Attribute { public string? Description { get; set; } }
            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public sealed class CommandArgumentAttribute : System.Attribute { public string? Description { get; set; } }

            public static class Template
            {
                public static Response Render(string name) => new();
                public static Response Render<T>(string name, T model) => new();
                public static Response RenderString(string source) => new();
            }

            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class BlueprintAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
                public string? UrlPrefix { get; set; }
            }
        }
        """;

    public AnalyzerTest(string source)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Net100.References.All);
        TestState.Sources.Add(source);
        TestState.Sources.Add(("Flagon.cs", FlagonStub));
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    protected override ParseOptions CreateParseOptions() =>
        new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable);
}
