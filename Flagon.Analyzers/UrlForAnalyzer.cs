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
                var known = KnownTypes.Of(start.Compilation);
                var url = known.Url;
                var route = known.RouteAttribute;
                if (url is null || route is null)
                {
                    return;
                }
                start.RegisterOperationAction(operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var target = invocation.TargetMethod;
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
                    var index = EndpointIndex.For(operationContext.Compilation, route, operationContext.CancellationToken);
                    Check(operationContext.ReportDiagnostic, index, new Call(first.Value.Syntax.GetLocation(), invocation.Syntax.GetLocation(), name, given));
                }, OperationKind.Invocation);
            });
        }

        private static void Check(Action<Diagnostic> report, EndpointIndex index, Call call)
        {
            var endpoint = call.Endpoint;
            if (endpoint.StartsWith(".", StringComparison.Ordinal) || endpoint == "static")
            {
                return;
            }
            if (!index.ByName.TryGetValue(endpoint, out var endpointRules))
            {
                if (!Endpoints.InSomeBlueprint(endpoint, index.ByName.Keys) && !index.Unknowable)
                {
                    var suggestion = Suggestions.Closest(endpoint, index.ByName.Keys);
                    report(Diagnostic.Create(DiagnosticDescriptors.UrlForUnknownEndpoint, call.EndpointLocation, endpoint,
                        suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                }
                return;
            }
            var typedRules = endpointRules.Where(r => r.Rule is not null).ToList();
            if (call.Names is null || typedRules.Count == 0 || typedRules.Count < endpointRules.Count)
            {
                return;
            }
            var given = new HashSet<string>(call.Names, StringComparer.Ordinal);
            var missing = Endpoints.MissingValues(typedRules.Select(r => r.Rule!), given);
            if (missing.Count > 0)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UrlForMissingValues, call.CallLocation, endpoint,
                    string.Join(", ", missing.Select(m => $"'{m}'"))));
                return;
            }
            if (Endpoints.FirstMisfit(call.Values!, v => v.Name, typedRules.Select(r => r.Rule!).ToList(), (v, variable) => UrlValueFit.Misfit(v.Type, v.Constant, variable)) is { } misfit)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.UrlForValueDoesNotFit, misfit.Value.Location, endpoint,
                    misfit.Value.Name, misfit.Description, misfit.Variable.Converter.Display));
                return;
            }
            var variables = new HashSet<string>(typedRules.SelectMany(r => r.Rule!.Variables.Select(v => v.Name)), StringComparer.Ordinal);
            if (given.All(variables.Contains))
            {
                var typed = typedRules[0].Typed;
                report(Diagnostic.Create(DiagnosticDescriptors.UrlForCanBeTyped, call.CallLocation,
                    ImmutableDictionary<string, string?>.Empty.Add("typed", typed), endpoint, typed));
            }
        }
    }
}
