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
        private const string ViewsCategory = "Flagon.Views";
        private const string TemplatesCategory = "Flagon.Templates";
        private const string ContextsCategory = "Flagon.Contexts";
        private const string CliCategory = "Flagon.Cli";

        public static readonly DiagnosticDescriptor RuleMissingLeadingSlash = Create(
            RuleMessages.MissingLeadingSlashId,
            "URL rule must start with '/'",
            RuleMessages.MissingLeadingSlash,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor RuleSyntax = Create(
            RuleMessages.SyntaxId,
            "Invalid URL rule syntax",
            RuleMessages.Syntax,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnknownConverter = Create(
            RuleMessages.UnknownConverterId,
            "Unknown converter",
            RuleMessages.UnknownConverter,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateVariable = Create(
            RuleMessages.DuplicateVariableId,
            "Duplicate rule variable",
            RuleMessages.DuplicateVariable,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor BadConverterArguments = Create(
            RuleMessages.BadConverterArgumentsId,
            "Invalid converter arguments",
            RuleMessages.BadConverterArguments,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedRuleShape = Create(
            RuleMessages.UnsupportedShapeId,
            "Unsupported rule shape",
            RuleMessages.UnsupportedShape,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor BadDefaults = Create(
            RuleMessages.BadDefaultsId,
            "Invalid rule defaults",
            RuleMessages.BadDefaults,
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor AmbiguousRules = Create(
            "FLG0008",
            "Ambiguous rules",
            "The rule '{0}' of '{1}' matches the same paths and methods ({2}) as the rule '{3}' of '{4}'; only one of them can ever answer",
            RoutingCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DuplicateEndpoint = Create(
            "FLG0107",
            "Duplicate endpoint",
            "The endpoint '{0}' is used by the views '{1}' and '{2}'; endpoint names must be unique (set Endpoint = \"…\")",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor RuntimeUrlRule = Create(
            "FLG0009",
            "URL rule bound at run time",
            "This AddUrlRule call is not compiled ({0}): its rule is parsed when the app starts and its view is called by reflection, which is slower and not trim-safe",
            RoutingCategory,
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor InvalidConverter = Create(
            "FLG0010",
            "Invalid route converter",
            "The route converter '{0}' ({1}) cannot be used: {2}",
            RoutingCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor VariableWithoutParameter = Create(
            RuleMessages.VariableWithoutParameterId,
            "Rule variable without a parameter",
            RuleMessages.VariableWithoutParameter,
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ParameterNotFilled = Create(
            "FLG0102",
            "View parameter that nothing fills",
            "Nothing fills the parameter '{0}' of the view '{1}': add a rule variable or a default, give it a default value, or make it nullable",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ConverterTypeMismatch = Create(
            RuleMessages.ConverterTypeMismatchId,
            "Converter does not fit the parameter type",
            RuleMessages.ConverterTypeMismatch,
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
            "FLG0104",
            "Unsupported view return type",
            "The view '{0}' returns '{1}', which Flagon cannot turn into a response",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ViewNotCallable = Create(
            "FLG0105",
            "View cannot be called by generated code",
            "The view '{0}' cannot be called by the generated route table: {1}",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor BlueprintNotExtensible = Create(
            "FLG0106",
            "Blueprint class cannot be compiled",
            "The blueprint class '{0}' cannot be compiled: {1}",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor HookReturnType = Create(
            "FLG0108",
            "Request hook return type does not fit",
            "The {0} hook '{1}' returns '{2}'; it may return {3}",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ErrorParameterDoesNotFit = Create(
            "FLG0109",
            "Exception parameter cannot receive the handled exception",
            "The parameter '{0}' of type '{1}' of '{2}' cannot receive {3}, which it handles; declare it as a type every handled exception fits (a base type, HttpError, or Exception)",
            ViewsCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UrlForUnknownEndpoint = Create(
            "FLG0110",
            "Url.For names an unknown endpoint",
            "Url.For names the unknown endpoint '{0}'{1}",
            ViewsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UrlForMissingValues = Create(
            "FLG0111",
            "Url.For misses rule values",
            "Url.For(\"{0}\") gives no value for {1}, which every rule of the endpoint needs",
            ViewsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UrlForCanBeTyped = Create(
            "FLG0112",
            "Url.For can be the typed UrlFor",
            "Url.For(\"{0}\", …) can be {1}(…), which the compiler checks",
            ViewsCategory,
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor UrlForValueDoesNotFit = Create(
            "FLG0114",
            "Url.For value does not fit its rule",
            "Url.For(\"{0}\") gives '{1}' {2}, which the rule value <{3}:{1}> cannot take",
            ViewsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor BlueprintNeverRegistered = Create(
            "FLG0113",
            "Blueprint never registered",
            "The blueprint '{0}' is never registered with app.RegisterBlueprint<{0}>(), so its views never answer",
            ViewsCategory,
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor RequestContextOutsideRequest = Create(
            "FLG0201",
            "Request context used where there may be no request",
            "'{0}' needs a request context, but {1} may run outside a request; {2}",
            ContextsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor AppContextOutsideApp = Create(
            "FLG0202",
            "App context used where there may be none",
            "'{0}' needs an app context, but {1} may run outside one; {2}",
            ContextsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ContextInBackgroundWork = Create(
            "FLG0203",
            "Request context used in work that may outlive the request",
            "'{0}' is used in work started with {1}, which may run after the request has ended and its context is gone; read the value in the view and pass it in",
            ContextsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ContextStoredInStatic = Create(
            "FLG0204",
            "Request context stored in a static or long-lived member",
            "'{0}' belongs to one request, but it is stored in {1}, which outlives it and is shared by all requests",
            ContextsCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TemplateFunctionNotCallable = Create(
            "FLG0301",
            "Template function cannot be registered",
            "The {0} '{1}' cannot be registered by generated code: {2}",
            TemplatesCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor TemplateNotFound = Create(
            "FLG0302",
            "Template not found",
            "The template '{0}' is not in the template folder; templates found: {1}",
            TemplatesCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TemplateUnknownEndpoint = Create(
            "FLG0303",
            "Unknown endpoint in a template",
            "The template '{0}' builds a URL for the unknown endpoint '{1}'{2}",
            TemplatesCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TemplateUrlForMissingValues = Create(
            "FLG0304",
            "url_for in a template misses rule values",
            "The template '{0}' builds a URL for '{1}' without {2}, which every rule of the endpoint needs",
            TemplatesCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor TemplateUrlForValueDoesNotFit = Create(
            "FLG0305",
            "url_for value in a template does not fit its rule",
            "The template '{0}' gives url_for('{1}') '{2}' {3}, which the rule value <{4}:{2}> cannot take",
            TemplatesCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor CommandNotCallable = Create(
            "FLG0401",
            "Method cannot be a command",
            "The [Command] method '{0}' cannot be registered by generated code: {1}",
            CliCategory,
            DiagnosticSeverity.Error);

        /// <summary>What binding a rule to its view can report (a [Route], or a literal AddUrlRule call).</summary>
        public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> RuleBinding { get; } = System.Collections.Immutable.ImmutableArray.Create(
            RuleMissingLeadingSlash,
            RuleSyntax,
            UnknownConverter,
            DuplicateVariable,
            BadConverterArguments,
            UnsupportedRuleShape,
            BadDefaults,
            VariableWithoutParameter,
            ParameterNotFilled,
            ConverterTypeMismatch);

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}
