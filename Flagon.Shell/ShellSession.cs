using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Scripting.Hosting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Flagon.Shell;

/// <summary>
/// One shell session: C# submissions (Roslyn scripting) read line by line, each continuing the state of the ones
/// before, run with the app's context pushed; an expression's value is printed as C# would write it.
/// </summary>
internal sealed class ShellSession
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private static readonly PrintOptions Printing = new() { MaximumOutputLength = 4096, MemberDisplayFormat = MemberDisplayFormat.SeparateLines };

    private readonly App app;
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly ScriptOptions options;
    private ScriptState<object>? state;

    public ShellSession(App app, TextWriter output, TextWriter error)
    {
        this.app = app;
        this.output = output;
        this.error = error;
        options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithReferences(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0))
            .WithImports(Imports(app));
    }

    /// <summary>
    /// The namespaces every submission sees: the usual System ones, Flagon's, dependency injection's (for
    /// <c>GetRequiredService</c>), and those of the program's own public types (its models, its views).
    /// </summary>
    private static IEnumerable<string> Imports(App app)
    {
        var imports = new SortedSet<string>(StringComparer.Ordinal)
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading.Tasks",
            "Flagon", "Microsoft.Extensions.DependencyInjection",
        };
        foreach (var assembly in ProgramAssemblies(app))
        {
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception exception) when (exception is ReflectionTypeLoadException or NotSupportedException)
            {
                continue;
            }
            foreach (var type in types)
            {
                if (type.Namespace is { Length: > 0 } name && !name.StartsWith("Flagon.Generated", StringComparison.Ordinal))
                {
                    imports.Add(name);
                }
            }
        }
        return imports;
    }

    /// <summary>
    /// The program's own assemblies: those loaded that reference Flagon (the app's, its tests' when a test runs the
    /// shell), Flagon's own packages excepted.
    /// </summary>
    private static IEnumerable<Assembly> ProgramAssemblies(App app)
    {
        var flagon = typeof(App).Assembly.GetName().Name;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Append(app.GetType().Assembly).Distinct())
        {
            var name = assembly.GetName().Name;
            if (!assembly.IsDynamic && name is not ("Flagon.Runtime" or "Flagon.Shell" or "Flagon.OpenApi")
                && assembly.GetReferencedAssemblies().Any(r => r.Name == flagon))
            {
                yield return assembly;
            }
        }
    }

    /// <summary>Flask's banner: the language and platform, the app and its environment, its instance folder.</summary>
    public string Banner(IServiceProvider services)
    {
        var environment = services.GetService<IHostEnvironment>()?.EnvironmentName ?? "Production";
        return $"C# {LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString()} on .NET {Environment.Version} ({RuntimeInformation.OSDescription})\n"
            + $"App: {app.Name} [{environment}]\n"
            + $"Instance: {app.InstancePath}\n"
            + "`app` is the app, Get<T>() a service; Ctrl-D (or exit) leaves.";
    }

    /// <summary>Starts the session: the globals, and <c>using static Flagon.Globals;</c> for every later submission.</summary>
    public async Task StartAsync(ShellGlobals globals, CancellationToken cancellationToken) =>
        state = await CSharpScript.RunAsync("using static Flagon.Globals;", options, globals, typeof(ShellGlobals), cancellationToken);

    /// <summary>Whether <paramref name="code"/> is a whole submission (a statement or block not left open).</summary>
    public static bool IsComplete(string code) => SyntaxFactory.IsCompleteSubmission(SyntaxFactory.ParseSyntaxTree(code, ParseOptions));

    /// <summary>Runs one submission; prints its value, or its compile errors or exception. False when it failed.</summary>
    public async Task<bool> RunAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            state = await state!.ContinueWithAsync(code, options, cancellationToken);
            if (state.Exception is { } thrown)
            {
                error.WriteLine($"{thrown.GetType().FullName}: {thrown.Message}");
                return false;
            }
            if (HasValue(state.Script))
            {
                output.WriteLine(CSharpObjectFormatter.Instance.FormatObject(state.ReturnValue, Printing));
            }
            return true;
        }
        catch (CompilationErrorException compile)
        {
            foreach (var diagnostic in compile.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                error.WriteLine(diagnostic.ToString());
            }
            return false;
        }
        catch (Exception thrown) when (thrown is not OperationCanceledException)
        {
            error.WriteLine($"{thrown.GetType().FullName}: {thrown.Message}");
            return false;
        }
    }

    /// <summary>
    /// Whether a submission has a value to print: it ends with an expression without its semicolon (<c>1 + 1</c>, as in
    /// C#'s interactive window) whose type is not <c>void</c>.
    /// </summary>
    private static bool HasValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax
            {
                Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement,
            })
        {
            return false;
        }
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>
    /// The read-eval-print loop: prompts (when the input is a terminal), lines gathered until a submission is whole,
    /// until the input ends (Ctrl-D) or a line says <c>exit</c>.
    /// </summary>
    public async Task LoopAsync(TextReader input, bool prompts, CancellationToken cancellationToken)
    {
        var pending = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (prompts)
            {
                output.Write(pending.Length == 0 ? ">>> " : "... ");
                output.Flush();
            }
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                if (pending.Length > 0)
                {
                    await RunAsync(pending.ToString(), cancellationToken); // the input ended inside a submission: its errors
                }
                break;
            }
            if (pending.Length == 0 && line.Trim() is "exit" or "exit()" or "quit" or "quit()")
            {
                break;
            }
            pending.AppendLine(line);
            var code = pending.ToString();
            if (string.IsNullOrWhiteSpace(code))
            {
                pending.Clear();
                continue;
            }
            if (IsComplete(code))
            {
                pending.Clear();
                await RunAsync(code, cancellationToken);
            }
        }
        if (prompts)
        {
            output.WriteLine();
        }
    }
}
