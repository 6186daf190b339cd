using System.Collections.Immutable;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Reports invalid URL rules in <c>[Route("…")]</c> while the user types, underlining the exact
    /// characters inside the string literal. It uses the generator's own rule parser.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RuleAnalyzer : DiagnosticAnalyzer
    {
        private const string RouteAttributeName = "Flagon.RouteAttribute";

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.RuleMissingLeadingSlash,
            DiagnosticDescriptors.RuleSyntax,
            DiagnosticDescriptors.UnknownConverter,
            DiagnosticDescriptors.DuplicateVariable);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var routeAttribute = start.Compilation.GetTypeByMetadataName(RouteAttributeName);
                if (routeAttribute is null)
                {
                    return;
                }
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, routeAttribute), SymbolKind.Method);
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol routeAttribute)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, routeAttribute)
                    || attribute.ConstructorArguments.Length != 1
                    || attribute.ConstructorArguments[0].Value is not string rule)
                {
                    continue;
                }
                var error = RuleParser.Parse(rule).Error;
                if (error is null)
                {
                    continue;
                }
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
                var location = LocateInRule(syntax, rule, error.Start, error.Length);
                context.ReportDiagnostic(Create(error, rule, location));
            }
        }

        private static Diagnostic Create(RuleError error, string rule, Location location) => error.Kind switch
        {
            RuleErrorKind.MissingLeadingSlash => Diagnostic.Create(DiagnosticDescriptors.RuleMissingLeadingSlash, location, rule),
            RuleErrorKind.UnknownConverter => Diagnostic.Create(DiagnosticDescriptors.UnknownConverter, location, rule, error.Detail),
            RuleErrorKind.DuplicateVariable => Diagnostic.Create(DiagnosticDescriptors.DuplicateVariable, location, rule, error.Detail),
            _ => Diagnostic.Create(DiagnosticDescriptors.RuleSyntax, location, rule, error.Detail),
        };

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
