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
        private static readonly (string Attribute, string Name, HookKind Kind)[] Hooks =
        {
            (ViewBinder.BeforeRequestAttributeName, "BeforeRequest", HookKind.BeforeRequest),
            (ViewBinder.AfterRequestAttributeName, "AfterRequest", HookKind.AfterRequest),
            (ViewBinder.TeardownRequestAttributeName, "TeardownRequest", HookKind.TeardownRequest),
        };

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
                var attributes = Hooks
                    .Select(h => (Type: start.Compilation.GetTypeByMetadataName(h.Attribute), Hook: h))
                    .Where(h => h.Type is not null)
                    .ToArray();
                if (attributes.Length > 0)
                {
                    start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, attributes!), SymbolKind.Method);
                }
            });
        }

        private static void Analyze(SymbolAnalysisContext context, (INamedTypeSymbol Type, (string Attribute, string Name, HookKind Kind) Hook)[] attributes)
        {
            var method = (IMethodSymbol)context.Symbol;
            foreach (var attribute in method.GetAttributes())
            {
                var hook = attributes.FirstOrDefault(h => SymbolEqualityComparer.Default.Equals(h.Type, attribute.AttributeClass)).Hook;
                if (hook.Attribute is null)
                {
                    continue;
                }
                var location = method.Locations.FirstOrDefault() ?? Location.None;
                if (ViewBinder.NotCallableBecause(method) is { } why)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ViewNotCallable, location, method.Name, why));
                }
                if (!ViewBinder.HookReturnFits(hook.Kind, method))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HookReturnType, location, hook.Name, method.Name,
                        method.ReturnType.ToDisplayString(), ViewBinder.HookReturnsAllowed(hook.Kind)));
                }
                var errors = new List<BindingError>();
                ViewBinder.BindErrorHandler(method, errors, receivesResponse: hook.Kind == HookKind.AfterRequest, receivesError: hook.Kind == HookKind.TeardownRequest);
                foreach (var error in errors)
                {
                    var at = error.Start < method.Parameters.Length ? method.Parameters[error.Start].Locations.FirstOrDefault() ?? location : location;
                    context.ReportDiagnostic(Diagnostic.Create(error.Descriptor, at, error.MessageArgs));
                }
            }
        }
    }
}
