using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// first to registration order and reports the second at start-up; Flagon reports both at build time, on the later
    /// of the two in source order, while the user types: each view is checked against a map of all the compilation's
    /// rules, made once when first asked for.
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

        // Every rule of the compilation, in source order, grouped the two ways the checks compare them.
        private sealed class RouteMap
        {
            public RouteMap(List<Entry> entries)
            {
                ByShape = entries.GroupBy(e => (e.Group, e.Shape)).ToDictionary(g => g.Key, g => g.ToList());
                ByEndpoint = entries.GroupBy(e => (e.Group, e.Rule.Endpoint)).ToDictionary(g => g.Key, g => g.ToList());
                ByView = entries.GroupBy(e => e.View, SymbolEqualityComparer.Default).ToDictionary(g => g.Key!, g => g.ToList(), SymbolEqualityComparer.Default);
            }

            public Dictionary<ISymbol, List<Entry>> ByView { get; }

            public Dictionary<(string Group, string Shape), List<Entry>> ByShape { get; }
            public Dictionary<(string Group, string Endpoint), List<Entry>> ByEndpoint { get; }
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
                var routeAttribute = KnownTypes.Of(start.Compilation).RouteAttribute;
                if (routeAttribute is null)
                {
                    return;
                }
                // Made by the first view that asks; a cancelled making is not kept (PublicationOnly).
                var map = new Lazy<RouteMap>(() => Build(start.Compilation, routeAttribute, start.CancellationToken),
                    LazyThreadSafetyMode.PublicationOnly);
                start.RegisterSymbolAction(symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (!method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, routeAttribute)))
                    {
                        return;
                    }
                    Check(symbolContext, map.Value, method);
                }, SymbolKind.Method);
            });
        }

        private static RouteMap Build(Compilation compilation, INamedTypeSymbol routeAttribute, CancellationToken cancellationToken)
        {
            var entries = new List<Entry>();
            foreach (var method in RouteViews.In(compilation, routeAttribute, cancellationToken))
            {
                entries.AddRange(EntriesOf(compilation, method, routeAttribute, cancellationToken));
            }
            // Source order, so a diagnostic lands on the later of two rules, whatever order symbols come in.
            entries.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
                return c != 0 ? c : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            });
            return new RouteMap(entries);
        }

        private static IEnumerable<Entry> EntriesOf(Compilation compilation, IMethodSymbol method, INamedTypeSymbol routeAttribute,
            CancellationToken cancellationToken)
        {
            string? group = null;
            foreach (var attribute in method.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, routeAttribute))
                {
                    continue;
                }
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                if (syntax is null)
                {
                    continue;
                }
                var rule = RuleBindings.Bind(compilation, method, attribute).Rule;
                if (rule is null)
                {
                    continue;
                }
                // Views of an abstract class are compiled into the blueprints deriving from it: checked among themselves.
                group ??= method.ContainingType.IsAbstract || ViewBinder.BlueprintName(KnownTypes.Of(compilation), method.ContainingType) is not null
                    ? method.ContainingType.ToDisplayString() : string.Empty;
                yield return new Entry(method, group, Shape(rule), rule, syntax.GetLocation());
            }
        }

        // Rules that match exactly the same paths: the same parts, with variables compared by converter, not name.
        private static string Shape(RuleSpec rule) => string.Join("/", rule.Parts.Select(p => p.IsStatic
            ? "s:" + p.Prefix
            : "v:" + string.Join("\u0000", p.Texts.Select((text, i) => i < p.Variables.Count ? text + "\u0000" + rule.Variables[p.Variables[i]].Converter.Display : text))
                + $"\u0000{p.IsFinal}\u0000{p.IsSuffixed}"));

        // The view's own rules against the earlier ones: reported on the view, so that it shows in its document.
        private static void Check(SymbolAnalysisContext context, RouteMap map, IMethodSymbol view)
        {
            if (!map.ByView.TryGetValue(view, out var own))
            {
                return;
            }
            foreach (var entry in own)
            {
                foreach (var earlier in map.ByShape[(entry.Group, entry.Shape)].TakeWhile(e => e != entry))
                {
                    var shared = Served(entry.Rule).Intersect(Served(earlier.Rule)).OrderBy(m => m, StringComparer.Ordinal).ToList();
                    if (shared.Count > 0)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AmbiguousRules, entry.Location,
                            entry.Rule.Pattern, entry.View.Name, string.Join(", ", shared), earlier.Rule.Pattern, earlier.View.Name));
                        break;
                    }
                }

                // One report per endpoint: on the first rule of the first view after the one that has it first.
                var sameName = map.ByEndpoint[(entry.Group, entry.Rule.Endpoint)];
                var first = sameName[0];
                if (sameName.FirstOrDefault(e => !SymbolEqualityComparer.Default.Equals(e.View, first.View)) == entry)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateEndpoint, entry.Location,
                        entry.Rule.Endpoint, $"{first.View.ContainingType.Name}.{first.View.Name}", $"{entry.View.ContainingType.Name}.{entry.View.Name}"));
                }
            }
        }

        // The methods a rule's view answers (HEAD goes with GET; an automatic OPTIONS is answered by Flagon).
        private static IEnumerable<string> Served(RuleSpec rule) =>
            rule.Methods.Where(m => m != "HEAD" && !(m == "OPTIONS" && rule.AutomaticOptions));
    }
}
