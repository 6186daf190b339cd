using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Reports a [RouteConverter] class rules cannot use (FLG0010): not deriving from RouteConverter&lt;T&gt;, abstract
    /// or generic, without a public constructor, named like one of Werkzeug's converters, or named like another one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConverterAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.InvalidConverter);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.Of(start.Compilation);
                var converterAttribute = known.RouteConverterAttribute;
                if (converterAttribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    var attribute = KnownTypes.Attribute(type, converterAttribute);
                    if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string name)
                    {
                        return;
                    }
                    string? why = ConverterTypes.Problem(known, type);
                    if (why is null && CustomConverters.IsBuiltIn(name))
                    {
                        why = $"'{name}' is one of Werkzeug's converters";
                    }
                    if (why is null && ConverterTypes.Of(symbolContext.Compilation).TryGetValue(name, out var first)
                        && first.TypeName != type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    {
                        why = $"the name is taken by {first.TypeName.Replace("global::", string.Empty)}";
                    }
                    if (why is not null)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidConverter,
                            attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken).GetLocation() ?? type.Locations.FirstOrDefault(), name, type.Name, why));
                    }
                }, SymbolKind.NamedType);
            });
        }
    }
}
