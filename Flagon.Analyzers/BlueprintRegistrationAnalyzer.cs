using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>Reports (info, FLG0113) a [Blueprint] class that no <c>app.RegisterBlueprint&lt;T&gt;()</c> call in the project registers.</summary>
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
                var attribute = start.Compilation.GetTypeByMetadataName(ViewBinder.BlueprintAttributeName);
                if (attribute is null)
                {
                    return;
                }
                var blueprints = new ConcurrentBag<INamedTypeSymbol>();
                var registered = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                    {
                        blueprints.Add(type);
                    }
                }, SymbolKind.NamedType);
                start.RegisterOperationAction(operationContext =>
                {
                    var method = ((IInvocationOperation)operationContext.Operation).TargetMethod;
                    if (method.Name == "RegisterBlueprint" && method.TypeArguments.Length == 1)
                    {
                        registered.TryAdd(method.TypeArguments[0].OriginalDefinition, true);
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var blueprint in blueprints.Where(b => !registered.ContainsKey(b)))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlueprintNeverRegistered, blueprint.Locations.FirstOrDefault() ?? Location.None, blueprint.Name));
                    }
                });
            });
        }
    }
}
