using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>Reports a request hook the generated code cannot call: accessibility, parameters, or a return type that does not fit the hook.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HookAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.HookReturnType,
            DiagnosticDescriptors.ParameterNotFilled,
            DiagnosticDescriptors.ErrorParameterDoesNotFit,
            DiagnosticDescriptors.ViewNotCallable);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // The hook attributes, resolved once per compilation; a compilation without Flagon has none.
                var known = KnownTypes.Of(start.Compilation);
                var attributes = new[]
                    {
                        (Type: known.BeforeRequestAttribute, Name: "BeforeRequest", Kind: HookKind.BeforeRequest),
                        (Type: known.AfterRequestAttribute, Name: "AfterRequest", Kind: HookKind.AfterRequest),
                        (Type: known.TeardownRequestAttribute, Name: "TeardownRequest", Kind: HookKind.TeardownRequest),
                    }
                    .Where(h => h.Type is not null)
                    .Select(h => (h.Type!, h.Name, h.Kind))
                    .ToArray();
                if (attributes.Length > 0)
                {
                    start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, known, attributes), SymbolKind.Method);
                }
            });
        }

        private static void Analyze(SymbolAnalysisContext context, KnownTypes known, (INamedTypeSymbol Type, string Name, HookKind Kind)[] attributes)
        {
            var method = (IMethodSymbol)context.Symbol;
            foreach (var attribute in method.GetAttributes())
            {
                var hook = attributes.FirstOrDefault(h => SymbolEqualityComparer.Default.Equals(h.Type, attribute.AttributeClass));
                if (hook.Type is null)
                {
                    continue;
                }
                var location = method.Locations.FirstOrDefault() ?? Location.None;
                if (ViewBinder.NotCallableBecause(method) is { } why)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ViewNotCallable, location, method.Name, why));
                }
                if (!ViewBinder.HookReturnFits(known, hook.Kind, method))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HookReturnType, location, hook.Name, method.Name,
                        method.ReturnType.ToDisplayString(), ViewBinder.HookReturnsAllowed(hook.Kind)));
                }
                var errors = new List<BindingError>();
                ViewBinder.BindErrorHandler(known, method, errors, receivesResponse: hook.Kind == HookKind.AfterRequest, receivesError: hook.Kind == HookKind.TeardownRequest);
                foreach (var error in errors)
                {
                    var at = error.Start < method.Parameters.Length ? method.Parameters[error.Start].Locations.FirstOrDefault() ?? location : location;
                    context.ReportDiagnostic(Diagnostic.Create(error.Descriptor, at, error.MessageArgs));
                }
            }
        }
    }
}
