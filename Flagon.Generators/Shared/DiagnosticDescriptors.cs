using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Every Flagon diagnostic (FLG####). Ids are grouped by category: FLG00xx rules, FLG01xx views and
    /// endpoints, FLG02xx contexts. Each links to its entry in docs/diagnostics.md.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string HelpBase = "docs/diagnostics.md#";
        private const string RoutingCategory = "Flagon.Routing";

        public static readonly DiagnosticDescriptor RuleMissingLeadingSlash = Create(
            "FLG0001",
            "URL rule must start with '/'",
            "The rule '{0}' must start with '/'",
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor RuleSyntax = Create(
            "FLG0002",
            "Invalid URL rule syntax",
            "The rule '{0}' is not valid: {1}",
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnknownConverter = Create(
            "FLG0003",
            "Unknown converter",
            "The rule '{0}' uses the unknown converter '{1}'; known converters are string, int, float, path, uuid and any",
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateVariable = Create(
            "FLG0004",
            "Duplicate rule variable",
            "The rule '{0}' names the variable '{1}' more than once",
            RoutingCategory,
            DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}
