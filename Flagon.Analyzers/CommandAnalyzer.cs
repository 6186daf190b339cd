using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>Reports a [Command] method the generated code cannot register as one of the app's commands (FLG0401).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CommandAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CommandNotCallable);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(Analyze, SymbolKind.Method);
        }

        private static void Analyze(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            var known = KnownTypes.Of(context.Compilation);
            var attribute = KnownTypes.Attribute(method, known.CommandAttribute);
            if (attribute is not null && CliCommands.Check(known, method, attribute) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CommandNotCallable, method.Locations.FirstOrDefault() ?? Location.None, method.Name, reason));
            }
        }
    }
}
