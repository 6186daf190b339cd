using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Checks <c>Url.For("literal", new { … })</c> against the views' endpoints, as Werkzeug's BuildError would at run
    /// time: an unknown endpoint, with the closest one suggested (FLG0110); values no rule of the endpoint can do
    /// without (FLG0111); and, where the call is fine, that it can be the typed <c>UrlFor</c> method, which has a
    /// code fix (FLG0112).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UrlForAnalyzer : DiagnosticAnalyzer
    {
        private sealed class Call
        {
            public Call(Location endpointLocation, Location callLocation, string endpoint, IReadOnlyList<Given>? values)
            {
                EndpointLocation = endpointLocation;
                CallLocation = callLocation;
                Endpoint = endpoint;
                Values = values;
                Names = values?.Select(v => v.Name).ToList();
            }

            public Location EndpointLocation { get; }
            public Location CallLocation { get; }
            public string Endpoint { get; }
            public IReadOnlyList<Given>? Values { get; }
            public IReadOnlyList<string>? Names { get; }
        }

        // One property of the anonymous object of values: its name, its type and constant value, where it is written.
        private sealed class Given
        {
            public Given(string name, ITypeSymbol? type, Optional<object?> constant, Location location)
            {
                Name = name;
                Type = type;
                Constant = constant;
                Location = location;
            }

            public string Name { get; }
            public ITypeSymbol? Type { get; }
            public Optional<object?> Constant { get; }
            public Location Location { get; }
        }

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.UrlForUnknownEndpoint, DiagnosticDescriptors.UrlForMissingValues, DiagnosticDescriptors.UrlForValueDoesNotFit,
                DiagnosticDescriptors.UrlForCanBeTyped);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var url = start.Compilation.GetTypeByMetadataName("Flagon.Url");
                var route = start.Compilation.GetTypeByMetadataName(ViewBinder.RouteAttributeName);
                if (url is null || route is null)
                {
                    return;
                }
                var rules = new ConcurrentBag<(string Endpoint, RuleSpec? Rule, string Typed)>();
                var calls = new ConcurrentBag<Call>();
                var unknowable = new ConcurrentBag<bool>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    bool inBlueprint = TemplateFunctions.BlueprintName(method.ContainingType) is not null;
                    foreach (var (endpoint, rule) in Endpoints.Of(symbolContext.Compilation, method, route))
                    {
                        if (method.ContainingType.IsAbstract || rule is null)
                        {
                            // Inherited by blueprints, or a rule with an error of its own: known, but not checked against.
                            rules.Add((endpoint, null, string.Empty));
                            continue;
                        }
                        var typed = inBlueprint
                            ? $"UrlFor.{method.ContainingType.Name}.{EndpointNames.ToMethod(rule.Endpoint)}"
                            : $"UrlFor.{EndpointNames.ToMethod(rule.Endpoint)}";
                        rules.Add((endpoint, rule, typed));
                    }
                }, SymbolKind.Method);
                start.RegisterOperationAction(operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var target = invocation.TargetMethod;
                    if (Endpoints.OfAddUrlRule(invocation, out var runTime) is { } literal)
                    {
                        rules.Add((literal, null, string.Empty));
                    }
                    if (runTime)
                    {
                        unknowable.Add(true);
                    }
                    if (target.Name != "For" || !SymbolEqualityComparer.Default.Equals(target.ContainingType, url) || invocation.Arguments.Length == 0)
                    {
                        return;
                    }
                    var first = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
                    if (first?.Value.ConstantValue is not { HasValue: true, Value: string name })
                    {
                        return;
                    }
                    var values = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
                    IReadOnlyList<Given>? given = values is null || values.IsImplicit ? Array.Empty<Given>()
                        : Operations.Unwrap(values.Value) is IAnonymousObjectCreationOperation anonymous
                            ? anonymous.Initializers.OfType<ISimpleAssignmentOperation>()
                                .Where(a => a.Target is IPropertyReferenceOperation)
                                .Select(a => new Given(((IPropertyReferenceOperation)a.Target).Property.Name, Operations.Unwrap(a.Value).Type,
                                    Operations.Unwrap(a.Value).ConstantValue, a.Value.Syntax.GetLocation()))
                                .ToList()
                            : null;
                    calls.Add(new Call(first.Value.Syntax.GetLocation(), invocation.Syntax.GetLocation(), name, given));
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(end => Report(end, rules.ToList(), calls.ToList(), !unknowable.IsEmpty));
            });
        }

        private static void Report(CompilationAnalysisContext context, List<(string Endpoint, RuleSpec? Rule, string Typed)> rules, List<Call> calls, bool unknowable)
        {
            var byEndpoint = rules.GroupBy(r => r.Endpoint).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var call in calls)
            {
                var endpoint = call.Endpoint;
                if (endpoint.StartsWith(".", StringComparison.Ordinal) || endpoint == "static")
                {
                    continue;
                }
                if (!byEndpoint.TryGetValue(endpoint, out var endpointRules))
                {
                    if (!Endpoints.InSomeBlueprint(endpoint, byEndpoint.Keys) && !unknowable)
                    {
                        var suggestion = Suggestions.Closest(endpoint, byEndpoint.Keys);
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UrlForUnknownEndpoint, call.EndpointLocation, endpoint,
                            suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                    }
                    continue;
                }
                var typedRules = endpointRules.Where(r => r.Rule is not null).ToList();
                if (call.Names is null || typedRules.Count == 0 || typedRules.Count < endpointRules.Count)
                {
                    continue;
                }
                var given = new HashSet<string>(call.Names, StringComparer.Ordinal);
                var missing = Endpoints.MissingValues(typedRules.Select(r => r.Rule!), given);
                if (missing.Count > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UrlForMissingValues, call.CallLocation, endpoint,
                        string.Join(", ", missing.Select(m => $"'{m}'"))));
                    continue;
                }
                if (Endpoints.FirstMisfit(call.Values!, v => v.Name, typedRules.Select(r => r.Rule!).ToList(), (v, variable) => UrlValueFit.Misfit(v.Type, v.Constant, variable)) is { } misfit)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UrlForValueDoesNotFit, misfit.Value.Location, endpoint,
                        misfit.Value.Name, misfit.Description, misfit.Variable.Converter.Display));
                    continue;
                }
                var variables = new HashSet<string>(typedRules.SelectMany(r => r.Rule!.Variables.Select(v => v.Name)), StringComparer.Ordinal);
                if (given.All(variables.Contains))
                {
                    var typed = typedRules[0].Typed;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UrlForCanBeTyped, call.CallLocation,
                        ImmutableDictionary<string, string?>.Empty.Add("typed", typed), endpoint, typed));
                }
            }
        }
    }
}
