using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Looks at all the rules of a compilation together: two rules of one app or blueprint that match the same
    /// paths with the same methods (FLG0008), and one endpoint name used by two views (FLG0107). Flask leaves the
    /// first to registration order and reports the second at start-up; Flagon reports both at build time.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RouteMapAnalyzer : DiagnosticAnalyzer
    {
        private sealed class Entry
        {
            public Entry(IMethodSymbol view, string group, string shape, RuleSpec rule, Location location)
            {
                View = view;
                Group = group;
                Shape = shape;
                Rule = rule;
                Location = location;
            }

            public IMethodSymbol View { get; }
            public string Group { get; }
            public string Shape { get; }
            public RuleSpec Rule { get; }
            public Location Location { get; }
        }

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.AmbiguousRules, DiagnosticDescriptors.DuplicateEndpoint);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var routeAttribute = start.Compilation.GetTypeByMetadataName(ViewBinder.RouteAttributeName);
                var blueprintAttribute = start.Compilation.GetTypeByMetadataName(ViewBinder.BlueprintAttributeName);
                if (routeAttribute is null)
                {
                    return;
                }
                var entries = new ConcurrentBag<Entry>();
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    string? group = null;
                    foreach (var attribute in method.GetAttributes())
                    {
                        if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, routeAttribute))
                        {
                            continue;
                        }
                        // Views of an abstract class are compiled into the blueprints deriving from it: checked among themselves.
                        group ??= method.ContainingType.IsAbstract || (blueprintAttribute is not null
                            && method.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, blueprintAttribute)))
                            ? method.ContainingType.ToDisplayString() : string.Empty;
                        var rule = RuleBindings.Bind(symbolContext.Compilation, method, attribute).Rule;
                        if (rule is null)
                        {
                            continue;
                        }
                        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(symbolContext.CancellationToken) as AttributeSyntax;
                        var location = syntax?.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
                        entries.Add(new Entry(method, group, Shape(rule), rule, location));
                    }
                }, SymbolKind.Method);
                start.RegisterCompilationEndAction(end => Report(end, entries.ToList()));
            });
        }

        // Rules that match exactly the same paths: the same parts, with variables compared by converter, not name.
        private static string Shape(RuleSpec rule) => string.Join("/", rule.Parts.Select(p => p.IsStatic
            ? "s:" + p.Prefix
            : $"v:{p.Prefix}\u0000{rule.Variables[p.Variable].Converter.Display}\u0000{p.Suffix}\u0000{p.IsFinal}"));

        private static void Report(CompilationAnalysisContext context, List<Entry> entries)
        {
            // Source order, so the diagnostic lands on the later of two rules, whatever order symbols came in.
            entries.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
                return c != 0 ? c : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            });

            foreach (var group in entries.GroupBy(e => (e.Group, e.Shape)))
            {
                var seen = new List<Entry>();
                foreach (var entry in group)
                {
                    foreach (var earlier in seen)
                    {
                        var shared = Served(entry.Rule).Intersect(Served(earlier.Rule)).OrderBy(m => m, System.StringComparer.Ordinal).ToList();
                        if (shared.Count > 0)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AmbiguousRules, entry.Location,
                                entry.Rule.Pattern, entry.View.Name, string.Join(", ", shared), earlier.Rule.Pattern, earlier.View.Name));
                            break;
                        }
                    }
                    seen.Add(entry);
                }
            }

            foreach (var group in entries.GroupBy(e => (e.Group, e.Rule.Endpoint)))
            {
                var first = group.First();
                var other = group.FirstOrDefault(e => !SymbolEqualityComparer.Default.Equals(e.View, first.View));
                if (other is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateEndpoint, other.Location,
                        group.Key.Endpoint, $"{first.View.ContainingType.Name}.{first.View.Name}", $"{other.View.ContainingType.Name}.{other.View.Name}"));
                }
            }
        }

        // The methods a rule's view answers (HEAD goes with GET; an automatic OPTIONS is answered by Flagon).
        private static IEnumerable<string> Served(RuleSpec rule) =>
            rule.Methods.Where(m => m != "HEAD" && !(m == "OPTIONS" && rule.AutomaticOptions));
    }
}
