using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Looks at <c>app.AddUrlRule(…)</c> calls: one the generator cannot compile gets FLG0009 (information: it works,
    /// at run time); one it compiles gets the same rule and binding diagnostics as a [Route].
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UrlRuleCallAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            DiagnosticDescriptors.RuleBinding.Add(DiagnosticDescriptors.RuntimeUrlRule);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(Analyze, OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            var operation = (IInvocationOperation)context.Operation;
            var known = KnownTypes.Of(context.Compilation);
            if (!UrlRuleCalls.IsAddUrlRule(known, operation))
            {
                return;
            }
            var ruleArgument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "rule");
            var location = ruleArgument?.Syntax.GetLocation() ?? operation.Syntax.GetLocation();
            var call = UrlRuleCalls.Read(operation);
            string? why = call is null ? "the rule or an option is not a constant"
                : call.View is null ? "the view is not a method group or a lambda"
                : call.Endpoint is null && call.View.MethodKind == MethodKind.AnonymousFunction ? "a lambda needs an endpoint name"
                : call.View.ReturnsVoid || ViewBinder.ClassifyReturn(known, call.View.ReturnType) == Generators.Model.ReturnKind.Unsupported ? "the view's return type is not supported"
                : call.View.Parameters.Length > 16 || call.View.Parameters.Any(p => p.RefKind != RefKind.None) ? "the view has ref parameters or more than 16"
                : null;
            if (why is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeUrlRule, location, why));
                return;
            }
            var errors = new List<BindingError>();
            ViewBinder.BindRule(known, call!.View!, call.Rule, call.Endpoint, call.Methods, call.Defaults, call.StrictSlashes, null, errors,
                ConverterTypes.Lazily(context.Compilation));
            foreach (var error in errors)
            {
                var at = error.Target == ErrorTarget.RuleSpan && ruleArgument?.Value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal
                        && literal.Token.Text.Length == call.Rule.Length + 2
                    ? Location.Create(literal.SyntaxTree, new Microsoft.CodeAnalysis.Text.TextSpan(literal.Token.SpanStart + 1 + error.Start, error.Length))
                    : location;
                context.ReportDiagnostic(Diagnostic.Create(error.Descriptor, at, error.MessageArgs));
            }
        }
    }
}
