using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Checks templates at build time, from the template files given as AdditionalFiles (Flagon's build props add
    /// <c>templates/**</c>): a literal name in <c>Template.Render("…")</c> that no template folder has (FLG0302); and a
    /// template's <c>url_for("…", …)</c> with a literal endpoint no view has (FLG0303), without values every rule of
    /// the endpoint needs (FLG0304), or with a literal value its rule value cannot take (FLG0305).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] RenderMethods = { "Render", "RenderAsync", "RenderText" };

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.TemplateNotFound, DiagnosticDescriptors.TemplateUnknownEndpoint,
                DiagnosticDescriptors.TemplateUrlForMissingValues, DiagnosticDescriptors.TemplateUrlForValueDoesNotFit);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var templates = Templates(start.Options.AdditionalFiles);
                if (templates.Count == 0)
                {
                    return;
                }
                var known = KnownTypes.Of(start.Compilation);
                var template = known.Template;
                var route = known.RouteAttribute;
                if (template is null)
                {
                    return;
                }
                start.RegisterOperationAction(operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, template)
                        || Array.IndexOf(RenderMethods, invocation.TargetMethod.Name) < 0
                        || invocation.Arguments.Length == 0
                        || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string name }
                        || templates.ContainsKey(name))
                    {
                        return;
                    }
                    operationContext.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateNotFound, invocation.Arguments[0].Syntax.GetLocation(),
                        name, string.Join(", ", templates.Keys.OrderBy(k => k, StringComparer.Ordinal).Take(10))));
                }, OperationKind.Invocation);

                // Each template's url_for calls, checked against the compilation's endpoints ([Route] views as their
                // blueprints name them, literal AddUrlRule calls) when that template is analysed: in the IDE, as it is edited.
                if (route is null)
                {
                    return;
                }
                var templateFiles = new HashSet<AdditionalText>(templates.Values);
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    if (!templateFiles.Contains(fileContext.AdditionalFile))
                    {
                        return;
                    }
                    var index = EndpointIndex.For(fileContext.Compilation, route, fileContext.CancellationToken);
                    if (!index.Unknowable)
                    {
                        // (An endpoint named at run time could be any name: nothing to check against.)
                        CheckUrlFor(fileContext.ReportDiagnostic, fileContext.AdditionalFile, index, fileContext.CancellationToken);
                    }
                });
            });
        }

        private static void CheckUrlFor(Action<Diagnostic> report, AdditionalText file, EndpointIndex index, System.Threading.CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return;
            }
            string name = Path.GetFileName(file.Path);
            var known = index.ByName.Keys;
            Location At(TextSpan span) => Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
            foreach (var call in TemplateUrlForCalls.In(text.ToString()))
            {
                var endpoint = call.Endpoint;
                if (endpoint.StartsWith(".", StringComparison.Ordinal) || endpoint == "static")
                {
                    continue;
                }
                if (!index.ByName.TryGetValue(endpoint, out var endpointRules))
                {
                    if (!Endpoints.InSomeBlueprint(endpoint, known))
                    {
                        var suggestion = Suggestions.Closest(endpoint, known);
                        report(Diagnostic.Create(DiagnosticDescriptors.TemplateUnknownEndpoint, At(call.EndpointSpan), name, endpoint,
                            suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                    }
                    continue;
                }
                // Values are checked against the endpoint's rules when all of them are known and the call reads plainly.
                if (call.Arguments is null || endpointRules.Any(r => r.Rule is null))
                {
                    continue;
                }
                var given = new HashSet<string>(call.Arguments.Select(a => a.Name), StringComparer.Ordinal);
                var missing = Endpoints.MissingValues(endpointRules.Select(r => r.Rule!), given);
                if (missing.Count > 0)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.TemplateUrlForMissingValues, At(call.EndpointSpan), name, endpoint,
                        string.Join(", ", missing.Select(m => $"'{m}'"))));
                    continue;
                }
                var literals = call.Arguments.Where(a => a.Literal.HasValue && a.Literal.Value is not null);
                if (Endpoints.FirstMisfit(literals, a => a.Name, endpointRules.Select(r => r.Rule!).ToList(), (a, variable) => UrlValueFit.Misfit(a.Literal.Value!, variable)) is { } misfit)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.TemplateUrlForValueDoesNotFit, At(misfit.Value.ValueSpan), name, endpoint,
                        misfit.Value.Name, misfit.Description, misfit.Variable.Converter.Display));
                }
            }
        }

        /// <summary>Template files by name (their path under the nearest folder named <c>templates</c> or <c>*_templates</c>).</summary>
        private static Dictionary<string, AdditionalText> Templates(ImmutableArray<AdditionalText> files)
        {
            var result = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var parts = file.Path.Replace('\\', '/').Split('/');
                int root = Array.FindLastIndex(parts, p => p == "templates" || p.EndsWith("_templates", StringComparison.Ordinal));
                if (root >= 0 && root < parts.Length - 1)
                {
                    var name = string.Join("/", parts.Skip(root + 1));
                    if (!result.ContainsKey(name))
                    {
                        result.Add(name, file);
                    }
                }
            }
            return result;
        }
    }
}
