using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Reports (info, FLG0113) a [Blueprint] class that no <c>app.RegisterBlueprint&lt;T&gt;()</c> call in the project
    /// registers, on the class, as the user types: the registrations are found once per compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlueprintRegistrationAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BlueprintNeverRegistered);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attribute = KnownTypes.Of(start.Compilation).BlueprintAttribute;
                if (attribute is null)
                {
                    return;
                }
                // The types registered anywhere in the compilation, found once when the first blueprint asks.
                var registered = new System.Lazy<ImmutableHashSet<ISymbol>>(
                    () => NamedCalls.In(start.Compilation, "RegisterBlueprint", start.CancellationToken)
                        .Select(call => call.TargetMethod)
                        .Where(method => method.TypeArguments.Length == 1)
                        .Select(method => (ISymbol)method.TypeArguments[0].OriginalDefinition)
                        .ToImmutableHashSet(SymbolEqualityComparer.Default),
                    System.Threading.LazyThreadSafetyMode.PublicationOnly);
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
                        && !registered.Value.Contains(type.OriginalDefinition))
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlueprintNeverRegistered, type.Locations.FirstOrDefault() ?? Location.None, type.Name));
                    }
                }, SymbolKind.NamedType);
            });
        }
    }
}
