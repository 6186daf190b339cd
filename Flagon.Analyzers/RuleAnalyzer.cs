using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Reports what keeps a [Route] view from compiling, while the user types: invalid rules (underlining the exact
    /// characters inside the string literal), converters that do not fit their parameter, parameters nothing fills,
    /// bad defaults, unsupported return types. It runs the generator's own binder, so the two never disagree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RuleAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            DiagnosticDescriptors.RuleBinding.AddRange(DiagnosticDescriptors.UnsupportedReturnType, DiagnosticDescriptors.ViewNotCallable);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var routeAttribute = KnownTypes.Of(start.Compilation).RouteAttribute;
                if (routeAttribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, routeAttribute), SymbolKind.Method);
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol routeAttribute)
        {
            var method = (IMethodSymbol)context.Symbol;
            var routes = method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, routeAttribute)).ToList();
            if (routes.Count == 0)
            {
                return;
            }
            var errors = new List<BindingError>();
            ViewBinder.CheckView(KnownTypes.Of(context.Compilation), method, errors);
            foreach (var error in errors)
            {
                context.ReportDiagnostic(Diagnostic.Create(error.Descriptor, Locate(method, null, string.Empty, error, context), error.MessageArgs));
            }
            foreach (var attribute in routes)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var (_, bindingErrors) = RuleBindings.Bind(context.Compilation, method, attribute);
                var rule = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
                foreach (var error in bindingErrors)
                {
                    context.ReportDiagnostic(Diagnostic.Create(error.Descriptor, Locate(method, syntax, rule, error, context), error.MessageArgs));
                }
            }
        }

        private static Location Locate(IMethodSymbol method, AttributeSyntax? attribute, string rule, BindingError error, SymbolAnalysisContext context)
        {
            switch (error.Target)
            {
                case ErrorTarget.RuleSpan:
                    return LocateInRule(attribute, rule, error.Start, error.Length);
                case ErrorTarget.Attribute:
                    var argument = attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == error.ArgumentName);
                    return argument?.GetLocation() ?? attribute?.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
                case ErrorTarget.Parameter:
                    return error.Start < method.Parameters.Length
                        ? method.Parameters[error.Start].Locations.FirstOrDefault() ?? Location.None
                        : method.Locations.FirstOrDefault() ?? Location.None;
                default:
                    return method.Locations.FirstOrDefault() ?? Location.None;
            }
        }

        /// <summary>
        /// The location of characters [start, start+length) of the rule inside its string literal; the
        /// whole argument when the literal has escapes (offsets in the value and the source differ then).
        /// </summary>
        internal static Location LocateInRule(AttributeSyntax? attribute, string rule, int start, int length)
        {
            var argument = attribute?.ArgumentList?.Arguments.Count > 0 ? attribute.ArgumentList.Arguments[0].Expression : null;
            if (argument is null)
            {
                return attribute?.GetLocation() ?? Location.None;
            }
            if (argument is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var token = literal.Token;
                string text = token.Text;
                int quote = text.StartsWith("@\"", System.StringComparison.Ordinal) ? 2 : text.StartsWith("\"", System.StringComparison.Ordinal) ? 1 : -1;
                if (quote > 0 && text.Length == rule.Length + quote + 1 && string.CompareOrdinal(text, quote, rule, 0, rule.Length) == 0)
                {
                    int spanStart = token.SpanStart + quote + start;
                    return Location.Create(literal.SyntaxTree, new TextSpan(spanStart, System.Math.Max(length, 0)));
                }
            }
            return argument.GetLocation();
        }
    }
}
