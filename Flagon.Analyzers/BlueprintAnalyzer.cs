using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>Reports a [Blueprint] class the generator cannot extend (static, nested, generic or not partial).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlueprintAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.BlueprintNotExtensible);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var blueprintAttribute = KnownTypes.Of(start.Compilation).BlueprintAttribute;
                if (blueprintAttribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, blueprintAttribute)))
                    {
                        return;
                    }
                    if (ViewBinder.CheckBlueprint(type) is { } why)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlueprintNotExtensible, type.Locations.FirstOrDefault(), type.Name, why));
                    }
                }, SymbolKind.NamedType);
            });
        }
    }
}
