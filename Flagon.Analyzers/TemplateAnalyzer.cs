using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Checks templates at build time, from the template files given as AdditionalFiles (Flagon's build props add
    /// <c>templates/**</c>): a literal name in <c>Template.Render("…")</c> that no template folder has (FLG0302), and a
    /// literal <c>url_for("…")</c> in a template whose endpoint no view has (FLG0303).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateAnalyzer : DiagnosticAnalyzer
    {
        private static readonly Regex UrlForCall = new Regex(@"url_for\(\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.Compiled);
        private static readonly string[] RenderMethods = { "Render", "RenderAsync", "RenderText" };

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.TemplateNotFound, DiagnosticDescriptors.TemplateUnknownEndpoint);

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
                var template = start.Compilation.GetTypeByMetadataName("Flagon.Template");
                var route = start.Compilation.GetTypeByMetadataName(ViewBinder.RouteAttributeName);
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

                // Endpoints: every [Route] view's (as its blueprint names it) and the literal AddUrlRule ones.
                var endpoints = new ConcurrentBag<string>();
                var unknowable = new ConcurrentBag<bool>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    if (route is not null)
                    {
                        foreach (var (endpoint, _) in Endpoints.Of(symbolContext.Compilation, (IMethodSymbol)symbolContext.Symbol, route))
                        {
                            endpoints.Add(endpoint);
                        }
                    }
                }, SymbolKind.Method);
                start.RegisterOperationAction(operationContext =>
                {
                    if (Endpoints.OfAddUrlRule((IInvocationOperation)operationContext.Operation, out var runTime) is { } literal)
                    {
                        endpoints.Add(literal);
                    }
                    if (runTime)
                    {
                        unknowable.Add(true);
                    }
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end =>
                {
                    if (!unknowable.IsEmpty)
                    {
                        // An endpoint named at run time could be any name: nothing to check against.
                        return;
                    }
                    var known = new HashSet<string>(endpoints, StringComparer.Ordinal) { "static" };
                    foreach (var file in templates.Values)
                    {
                        CheckUrlFor(end, file, known);
                    }
                });
            });
        }

        private static void CheckUrlFor(CompilationAnalysisContext context, AdditionalText file, HashSet<string> known)
        {
            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }
            foreach (Match match in UrlForCall.Matches(text.ToString()))
            {
                var group = match.Groups[1].Success ? match.Groups[1] : match.Groups[2];
                var endpoint = group.Value;
                if (endpoint.StartsWith(".", StringComparison.Ordinal) || known.Contains(endpoint) || Endpoints.InSomeBlueprint(endpoint, known))
                {
                    continue;
                }
                var span = new TextSpan(group.Index, group.Length);
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                var suggestion = Suggestions.Closest(endpoint, known);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateUnknownEndpoint, location, Path.GetFileName(file.Path), endpoint,
                    suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
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
