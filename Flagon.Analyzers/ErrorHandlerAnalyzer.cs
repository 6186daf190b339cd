using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>Reports an [ErrorHandler] the generated code cannot call: its accessibility, return type or parameters.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ErrorHandlerAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.ParameterNotFilled,
            DiagnosticDescriptors.ErrorParameterDoesNotFit,
            DiagnosticDescriptors.UnsupportedReturnType,
            DiagnosticDescriptors.ViewNotCallable);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.Of(start.Compilation);
                var attribute = known.ErrorHandlerAttribute;
                if (attribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (!KnownTypes.Has(method, attribute))
                    {
                        return;
                    }
                    var errors = new List<BindingError>();
                    ViewBinder.CheckView(known, method, errors);
                    ViewBinder.BindErrorHandler(known, method, errors,
                        ViewBinder.HandledExceptionTypes(known, method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))));
                    foreach (var error in errors)
                    {
                        var location = error.Target == ErrorTarget.Parameter && error.Start < method.Parameters.Length
                            ? method.Parameters[error.Start].Locations.FirstOrDefault()
                            : method.Locations.FirstOrDefault();
                        symbolContext.ReportDiagnostic(Diagnostic.Create(error.Descriptor, location ?? Location.None, error.MessageArgs));
                    }
                }, SymbolKind.Method);
            });
        }
    }
}
