using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>Reports a [TemplateFilter] or [ContextProcessor] method the generated code cannot register (FLG0301).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateFunctionAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TemplateFunctionNotCallable);

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
            foreach (var attribute in method.GetAttributes())
            {
                bool filter = KnownTypes.Is(attribute.AttributeClass, known.TemplateFilterAttribute);
                string? reason = filter ? TemplateFunctions.CheckFilter(method)
                    : KnownTypes.Is(attribute.AttributeClass, known.ContextProcessorAttribute) ? TemplateFunctions.CheckProcessor(known, method)
                    : null;
                if (reason is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateFunctionNotCallable, method.Locations.FirstOrDefault() ?? Location.None,
                        filter ? "template filter" : "context processor", method.Name, reason));
                }
            }
        }
    }
}
