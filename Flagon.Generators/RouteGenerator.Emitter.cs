using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Flagon.Generators.Emitters;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace Flagon.Generators
{
    public sealed partial class RouteGenerator
    {
        /// <summary>Writes C# from the model; it never sees a symbol.</summary>
        internal static class Emitter
        {
            internal const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Flagon.Generators\", \"0.1.0\")]";

            /// <summary>
            /// The app's own views: their route table (rules, matcher, dispatch, handlers, hooks) and its registration.
            /// Each view class's invoke methods, URL builders and typed UrlFor methods are in a part of their own.
            /// </summary>
            public static SourceText EmitAppRouteTable(AppSpec app)
            {
                using var text = new GeneratedText();
                var w = text.Writer;
                WriteHeader(w);
                w.WriteLine("namespace Flagon.Generated");
                w.WriteLine("{");
                w.Indent++;
                EmitTable(w, "AppRouteTable", "The route table of this assembly's app-level views, compiled from their [Route] rules.",
                    AppParts.Compiled(app.Views), app.ErrorHandlers.Where(h => h.Blueprint.Length == 0), isPublicInstance: false,
                    hooks: app.Hooks.Where(h => h.Blueprint.Length == 0), split: true);
                w.WriteLineNoTabs(string.Empty);
                EmitRegistration(w);
                w.Indent--;
                w.WriteLine("}");
                return text.ToSourceText();
            }

            /// <summary>Registers the program's own converters by name when it starts (for rules added at run time).</summary>
            public static SourceText EmitConverterRegistration(Helpers.EquatableArray<CustomConverterSpec> converters)
            {
                using var text = new GeneratedText();
                var w = text.Writer;
                WriteHeader(w);
                w.WriteBlock($$"""
                    namespace Flagon.Generated
                    {
                        /// <summary>The [RouteConverter] classes of this assembly, registered by name for rules added at run time.</summary>
                        {{GeneratedCodeAttribute}}
                        internal static class RouteConverterRegistration
                        {
                            [global::System.Runtime.CompilerServices.ModuleInitializer]
                            internal static void Register()
                            {
                    """);
                w.Indent += 3;
                foreach (var converter in converters)
                {
                    w.WriteLine($"global::Flagon.Routing.RouteConverters.Register({Quote(converter.Name)}, typeof({converter.TypeName}));");
                }
                w.Indent -= 3;
                w.WriteBlock("""
                            }
                        }
                    }
                    """);
                return text.ToSourceText();
            }

            /// <summary>One view class's part of the app's table: its invoke methods and URL builders, and its typed UrlFor methods.</summary>
            public static SourceText EmitAppPart(AppPartSpec part)
            {
                using var text = new GeneratedText();
                var w = text.Writer;
                WriteHeader(w);
                string partClass = AppParts.ClassName(part.TypeName);
                // Numbered by AppParts (Local: the part's invoke methods); an endpoint's rules build in match order (RuleOrder).
                var rules = AppParts.Rules(part.Views);
                var names = part.Endpoints.ToDictionary(e => e.Endpoint, e => e.MethodName);
                var endpoints = UrlForEmitter.Endpoints(rules)
                    .Where(e => names.ContainsKey(e.Name))
                    .Select(e => new UrlForEmitter.Endpoint(e.Name, names[e.Name], e.Rules))
                    .ToList();

                w.WriteLine("namespace Flagon.Generated");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("partial class AppRouteTable");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine($"/// <summary>The views of <c>{Xml(part.TypeName.Replace("global::", string.Empty))}</c>: how each rule calls its view, and how each endpoint's URL is built.</summary>");
                w.WriteLine(GeneratedCodeAttribute);
                w.WriteLine($"internal static class {partClass}");
                w.WriteLine("{");
                w.Indent++;
                var invoke = new InvokeEmitter(w);
                invoke.EmitMethods(rules, rule => $"Invoke{rule.Local}", "internal");
                invoke.EmitConverterFields();
                w.WriteLineNoTabs(string.Empty);
                new UrlForEmitter(w).EmitBuilders(endpoints);
                w.Indent--;
                w.WriteLine("}");
                w.Indent--;
                w.WriteLine("}");
                w.Indent--;
                w.WriteLine("}");
                if (endpoints.Count > 0)
                {
                    w.WriteLineNoTabs(string.Empty);
                    OpenUrlFor(w);
                    UrlForEmitter.EmitTypedMethods(w, endpoints, blueprint: null, $"global::Flagon.Generated.AppRouteTable.{partClass}");
                    CloseUrlFor(w);
                }
                return text.ToSourceText();
            }

            /// <summary>A blueprint: its IBlueprint implementation and route table, and <c>UrlFor.{Class}</c>.</summary>
            public static SourceText EmitBlueprint(AppSpec app, BlueprintSpec blueprint)
            {
                using var text = new GeneratedText();
                var w = text.Writer;
                WriteHeader(w);
                bool hasNamespace = blueprint.Namespace.Length > 0;
                if (hasNamespace)
                {
                    w.WriteLine($"namespace {blueprint.Namespace}");
                    w.WriteLine("{");
                    w.Indent++;
                }
                w.WriteBlock($$"""
                    partial class {{blueprint.ClassName}} : global::Flagon.IBlueprint
                    {
                        /// <inheritdoc/>
                        static string global::Flagon.IBlueprint.Name => {{MatcherEmitter.Literal(blueprint.Name)}};
                        /// <inheritdoc/>
                        static string? global::Flagon.IBlueprint.UrlPrefix => {{(blueprint.UrlPrefix is null ? "null" : MatcherEmitter.Literal(blueprint.UrlPrefix))}};
                        /// <inheritdoc/>
                        static global::Flagon.Routing.RouteTable global::Flagon.IBlueprint.RouteTable => FlagonRouteTable.Instance;

                    """);
                w.Indent++;
                var endpoints = EmitTable(w, "FlagonRouteTable", $"The route table of the blueprint <c>{blueprint.Name}</c>, compiled from its [Route] rules.",
                    app.Views.Where(v => v.Blueprint == blueprint.TypeName), app.ErrorHandlers.Where(h => h.Blueprint == blueprint.TypeName), isPublicInstance: true,
                    hooks: app.Hooks.Where(h => h.Blueprint == blueprint.TypeName));
                w.Indent--;
                w.WriteLine("}");
                if (hasNamespace)
                {
                    w.Indent--;
                    w.WriteLine("}");
                }
                w.WriteLineNoTabs(string.Empty);
                OpenUrlFor(w);
                w.WriteLine($"/// <summary>Typed URL building for the endpoints of the blueprint <c>{blueprint.Name}</c>, under the prefix it is registered with.</summary>");
                w.WriteLine(GeneratedCodeAttribute);
                w.WriteLine($"internal static partial class {blueprint.ClassName}");
                w.WriteLine("{");
                w.Indent++;
                UrlForEmitter.EmitTypedMethods(w, endpoints, blueprint.Name, blueprint.TypeName + ".FlagonRouteTable");
                w.Indent--;
                w.WriteLine("}");
                CloseUrlFor(w);
                return text.ToSourceText();
            }

            /// <summary>
            /// The literal AddUrlRule calls: a route table each (holding the delegate it was given), the interceptors
            /// that replace each call with the registration of its table, and their typed UrlFor methods.
            /// </summary>
            public static SourceText EmitUrlRules(AppSpec app)
            {
                using var text = new GeneratedText();
                var w = text.Writer;
                WriteHeader(w);
                w.WriteLine("namespace Flagon.Generated");
                w.WriteLine("{");
                w.Indent++;
                var endpoints = new List<(string Table, List<UrlForEmitter.Endpoint> Endpoints)>();
                for (int i = 0; i < app.UrlRuleCalls.Count; i++)
                {
                    var call = app.UrlRuleCalls[i];
                    var rule = call.View.Rules[0];
                    endpoints.Add(($"global::Flagon.Generated.UrlRuleTable{i}", EmitTable(w, $"UrlRuleTable{i}",
                        $"The route table of <c>app.AddUrlRule(\"{Xml(rule.Pattern)}\", …)</c> at {Xml(call.Display)}.",
                        new[] { call.View }, Enumerable.Empty<ErrorHandlerSpec>(), isPublicInstance: false, call.View.DelegateType)));
                    w.WriteLineNoTabs(string.Empty);
                }
                w.WriteLine("/// <summary>Replaces each literal AddUrlRule call with the registration of its compiled table.</summary>");
                w.WriteLine(GeneratedCodeAttribute);
                w.WriteLine("file static class UrlRuleInterceptors");
                w.WriteLine("{");
                w.Indent++;
                for (int i = 0; i < app.UrlRuleCalls.Count; i++)
                {
                    var call = app.UrlRuleCalls[i];
                    if (i > 0)
                    {
                        w.WriteLineNoTabs(string.Empty);
                    }
                    w.WriteLine($"// {call.Display}: AddUrlRule(\"{call.View.Rules[0].Pattern}\", …)");
                    w.WriteLine($"[global::System.Runtime.CompilerServices.InterceptsLocation({call.Version}, {MatcherEmitter.Literal(call.Data)})]");
                    w.WriteLine($"public static global::Flagon.App AddUrlRule{i}(this global::Flagon.App app, string rule, global::System.Delegate view, string? endpoint = null, string[]? methods = null, string? defaults = null, bool strictSlashes = true) =>");
                    w.Indent++;
                    w.WriteLine(call.View.DelegateType.Length > 0 ? $"app.AddRouteTable(new UrlRuleTable{i}(view));" : $"app.AddRouteTable(new UrlRuleTable{i}());");
                    w.Indent--;
                }
                w.Indent--;
                w.WriteLine("}");
                w.Indent--;
                w.WriteLine("}");
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("namespace System.Runtime.CompilerServices");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("[global::System.AttributeUsage(global::System.AttributeTargets.Method, AllowMultiple = true)]");
                w.WriteLine("file sealed class InterceptsLocationAttribute : global::System.Attribute");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("public InterceptsLocationAttribute(int version, string data)");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("_ = version;");
                w.WriteLine("_ = data;");
                w.Indent--;
                w.WriteLine("}");
                w.Indent--;
                w.WriteLine("}");
                w.Indent--;
                w.WriteLine("}");
                w.WriteLineNoTabs(string.Empty);
                OpenUrlFor(w);
                // An endpoint name the app's [Route] views (or an earlier call) already use gets no second typed
                // method: that is a duplicate endpoint, which the analyzers report; the build still compiles.
                var taken = new HashSet<string>(app.Views.Where(v => v.Blueprint.Length == 0)
                    .SelectMany(v => v.Rules).Select(r => UrlForEmitter.PascalCase(r.Endpoint)));
                bool first = true;
                foreach (var (table, list) in endpoints)
                {
                    var fresh = list.Where(e => taken.Add(e.MethodName)).ToList();
                    if (fresh.Count == 0)
                    {
                        continue;
                    }
                    if (!first)
                    {
                        w.WriteLineNoTabs(string.Empty);
                    }
                    first = false;
                    UrlForEmitter.EmitTypedMethods(w, fresh, blueprint: null, table);
                }
                CloseUrlFor(w);
                return text.ToSourceText();
            }

            private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

            private static void OpenUrlFor(IndentedTextWriter w)
            {
                // Typed, compiler-checked URL building: one method per endpoint, with the rule's values as typed
                // parameters (Flask's url_for, checked at build time). UrlFor.Page(pk: 1) is "/page/1".
                // Partial: the app's views and each blueprint add to it from their own files.
                w.WriteBlock("""
                    namespace Flagon
                    {
                        internal static partial class UrlFor
                        {
                    """);
                w.Indent += 2;
            }

            private static void CloseUrlFor(IndentedTextWriter w)
            {
                w.Indent -= 2;
                w.WriteBlock("""
                        }
                    }
                    """);
            }

            internal static void WriteHeader(IndentedTextWriter w) =>
                w.WriteBlock("""
                    // <auto-generated/>
                    // Generated by Flagon.Generators from the [Route] views of this assembly.
                    #nullable enable

                    """);

            /// <summary>
            /// <c>EndpointMetadata</c>: for each rule whose view carries metadata (its doc comment, JSON types and
            /// attributes) or that has variables (a <c>RuleVariable</c> each), the expressions that create them, in
            /// order; the runtime calls it once per rule when it builds the ASP.NET Core endpoints.
            /// </summary>
            private static void EmitEndpointMetadata(IndentedTextWriter w, IReadOnlyList<TableRule> rules)
            {
                var withMetadata = rules.Where(r => r.View.Metadata.Count > 0 || r.Rule.Variables.Count > 0).ToList();
                if (withMetadata.Count == 0)
                {
                    return;
                }
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<object> EndpointMetadata(int rule) => rule switch");
                w.WriteLine("{");
                w.Indent++;
                foreach (var rule in withMetadata)
                {
                    var items = rule.View.Metadata.Concat(rule.Rule.Variables.Select(v => RuleVariable(v, rule.View)));
                    w.WriteLine($"{rule.Index} => [{string.Join(", ", items)}], // {rule.Rule.Pattern} -> {rule.Rule.Endpoint}");
                }
                w.WriteLine("_ => [],");
                w.Indent--;
                w.WriteLine("};");
            }

            /// <summary>The expression creating a rule variable's <c>RuleVariable</c>: its converter as resolved, with what it accepts.</summary>
            private static string RuleVariable(VariableSpec variable, ViewSpec view)
            {
                var converter = variable.Converter;
                var properties = new List<string>();
                if (converter.Arguments.Length > 0)
                {
                    properties.Add($"Arguments = {Quote(converter.Arguments)}");
                }
                switch (converter.Kind)
                {
                    case ConverterKind.Int:
                        bool int32 = variable.Kind == ValueKind.Int32;
                        if (converter.IntMin != (int32 ? int.MinValue : long.MinValue))
                        {
                            properties.Add($"Minimum = \"{converter.IntMin.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"");
                        }
                        if (converter.IntMax != (int32 ? int.MaxValue : long.MaxValue))
                        {
                            properties.Add($"Maximum = \"{converter.IntMax.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"");
                        }
                        if (converter.FixedDigits > 0)
                        {
                            properties.Add($"FixedDigits = {converter.FixedDigits}");
                        }
                        break;
                    case ConverterKind.Float:
                        string? min = FloatBound(converter.Min);
                        if (!converter.Signed && (min is null || double.Parse(min, System.Globalization.CultureInfo.InvariantCulture) < 0))
                        {
                            min = "0";
                        }
                        if (min is not null)
                        {
                            properties.Add($"Minimum = \"{min}\"");
                        }
                        if (FloatBound(converter.Max) is { } max)
                        {
                            properties.Add($"Maximum = \"{max}\"");
                        }
                        break;
                    case ConverterKind.String:
                        properties.Add($"MinLength = {converter.MinLength}");
                        if (converter.MaxLength != int.MaxValue)
                        {
                            properties.Add($"MaxLength = {converter.MaxLength}");
                        }
                        break;
                    case ConverterKind.Any:
                        properties.Add($"Choices = [{string.Join(", ", converter.Choices.Select(Quote))}]");
                        break;
                    case ConverterKind.Custom when converter.Custom is { } use:
                        properties.Add($"Pattern = new {use.TypeName}({use.Creation}).Regex");
                        break;
                }
                if (view.ParameterDocs.FirstOrDefault(d => d.Name == variable.Name) is { } doc)
                {
                    properties.Add($"Description = {Quote(doc.Text)}");
                }
                string created = $"new global::Flagon.Routing.RuleVariable({Quote(variable.Name)}, {Quote(converter.Name)}, typeof({variable.TypeName}))";
                return properties.Count == 0 ? created : $"{created} {{ {string.Join(", ", properties)} }}";
            }

            // A float bound's C# literal ("1.5d", "double.NegativeInfinity") as a JSON number, or null for none.
            private static string? FloatBound(string literal) =>
                literal.Length == 0 || literal.StartsWith("double.", System.StringComparison.Ordinal) ? null : literal.TrimEnd('d');

            private static string Quote(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

            /// <summary>Writes one RouteTable subclass for <paramref name="views"/>; returns its endpoints for UrlFor.</summary>
            /// <remarks>
            /// With <paramref name="split"/> (the app's table) the invoke methods and URL builders are left to the parts
            /// of the table, one file per view class (<see cref="EmitAppPart"/>), which this table's dispatch calls.
            /// </remarks>
            internal static List<UrlForEmitter.Endpoint> EmitTable(IndentedTextWriter w, string className, string summary, IEnumerable<ViewSpec> views,
                IEnumerable<ErrorHandlerSpec> errorHandlers, bool isPublicInstance, string? delegateType = null, IEnumerable<HookSpec>? hooks = null,
                bool split = false)
            {
                // The rules in model order, each numbered within its view's class (the parts' method numbers).
                var declared = new List<TableRule>();
                foreach (var type in views.Where(v => v.ReturnKind != ReturnKind.Unsupported).GroupBy(v => v.ContainingType))
                {
                    declared.AddRange(AppParts.Rules(type));
                }
                var tree = RouteTree.Build(declared);
                var rules = tree.Number();
                var methodNames = rules.SelectMany(r => r.Rule.Methods).Distinct().OrderBy(m => m, System.StringComparer.Ordinal).ToList();
                var endpoints = UrlForEmitter.Endpoints(declared);

                w.WriteLine($"/// <summary>{summary}</summary>");
                w.WriteLine(GeneratedCodeAttribute);
                w.WriteLine($"internal sealed {(split ? "partial " : string.Empty)}class {className} : global::Flagon.Routing.RouteTable");
                w.WriteLine("{");
                w.Indent++;
                if (!string.IsNullOrEmpty(delegateType))
                {
                    w.WriteLine($"private readonly {delegateType} view;");
                    w.WriteLineNoTabs(string.Empty);
                    w.WriteLine("/// <summary>Holds the view AddUrlRule was given, as the delegate type the generator saw.</summary>");
                    w.WriteLine($"public {className}(global::System.Delegate view) => this.view = ({delegateType})view;");
                    w.WriteLineNoTabs(string.Empty);
                }
                if (isPublicInstance)
                {
                    w.WriteLine("/// <summary>The one instance, shared by every registration of the blueprint.</summary>");
                    w.WriteLine($"public static readonly {className} Instance = new();");
                    w.WriteLineNoTabs(string.Empty);
                }

                w.WriteLine("private static readonly global::Flagon.Routing.Rule[] rules =");
                w.WriteLine("[");
                w.Indent++;
                foreach (var r in rules)
                {
                    var methods = string.Join(", ", r.Rule.Methods.Select(MatcherEmitter.Literal));
                    // The app's own rules say which view class they come from: an app may serve some classes only.
                    var initializers = new List<string>();
                    if (split)
                    {
                        initializers.Add($"ViewClass = {MatcherEmitter.Literal(r.View.ContainingType.Replace("global::", string.Empty))}");
                    }
                    if (r.Rule.ExplicitHead)
                    {
                        // It answers HEAD before a GET rule of the same path in another table (RuleRanks).
                        initializers.Add("ExplicitHead = true");
                    }
                    if (r.Rule.Defaults.Count > 0)
                    {
                        // Werkzeug's rule.defaults: the values the view gets that the URL does not give (in view_args too).
                        var pairs = r.Rule.Defaults.Select(d => $"[{MatcherEmitter.Literal(d.Name)}] = {MatcherEmitter.Literal(d.UrlText)}");
                        initializers.Add($"Defaults = new global::System.Collections.Generic.Dictionary<string, string> {{ {string.Join(", ", pairs)} }}");
                    }
                    string viewClass = initializers.Count > 0 ? $" {{ {string.Join(", ", initializers)} }}" : string.Empty;
                    w.WriteLine($"new({MatcherEmitter.Literal(r.Rule.Endpoint)}, {MatcherEmitter.Literal(r.Rule.Pattern)}, [{methods}]){viewClass}, // {r.Index}");
                }
                w.Indent--;
                w.WriteLine("];");
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine($"private static readonly string[] methodNames = [{string.Join(", ", methodNames.Select(MatcherEmitter.Literal))}];");
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<global::Flagon.Routing.Rule> Rules => rules;");
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<string> MethodNames => methodNames;");
                w.WriteLineNoTabs(string.Empty);

                new MatcherEmitter(w, methodNames).Emit(tree);
                w.WriteLineNoTabs(string.Empty);
                if (split)
                {
                    new InvokeEmitter(w).EmitDispatch(rules, rule => $"{AppParts.ClassName(rule.View.ContainingType)}.Invoke{rule.Local}");
                }
                else
                {
                    new InvokeEmitter(w).Emit(rules);
                }
                HandlerEmitter.Emit(w, errorHandlers.ToList(), (hooks ?? Enumerable.Empty<HookSpec>()).ToList());
                EmitEndpointMetadata(w, rules);
                w.WriteLineNoTabs(string.Empty);
                if (split)
                {
                    UrlForEmitter.EmitBuildUrl(w, endpoints, endpoint => AppParts.ClassName(endpoint.Rules[0].View.ContainingType));
                    UrlForEmitter.EmitDefaultsRedirect(w, endpoints, endpoint => AppParts.ClassName(endpoint.Rules[0].View.ContainingType));
                }
                else
                {
                    UrlForEmitter.EmitBuildUrl(w, endpoints);
                    UrlForEmitter.EmitDefaultsRedirect(w, endpoints);
                    w.WriteLineNoTabs(string.Empty);
                    new UrlForEmitter(w).EmitBuilders(endpoints);
                }

                w.Indent--;
                w.WriteLine("}");
                return endpoints;
            }

            private static void EmitRegistration(IndentedTextWriter w)
            {
                w.WriteLine("/// <summary>Registers <see cref=\"AppRouteTable\"/> when the assembly loads, so <c>new App(args)</c> finds it.</summary>");
                w.WriteLine(GeneratedCodeAttribute);
                w.WriteLine("internal static class AppRouteTableRegistration");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
                w.WriteLine("internal static void Register() => global::Flagon.Routing.RouteTableRegistry.Register(new AppRouteTable());");
                w.Indent--;
                w.WriteLine("}");
            }
        }
    }
}
