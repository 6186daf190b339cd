using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// Writes URL building: one typed method per endpoint in the <c>UrlFor</c> class (each rule compiles its own
    /// builder, as Werkzeug does since 0.15), and the table's <c>BuildUrl</c> that serves <c>Url.For("name")</c>
    /// by calling those methods.
    /// </summary>
    internal sealed class UrlForEmitter
    {
        private const string Checks = "global::Flagon.Routing.UrlChecks";
        private const string Context = "global::Flagon.Routing.UrlContext";
        private const string QueryType = "global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string?>>?";

        /// <summary>A parameter of an endpoint's typed builder: the union of its rules' variables and defaults.</summary>
        private sealed class BuildParameter
        {
            public BuildParameter(string name, string baseType, ValueKind kind, bool required, ConverterSpec? converter = null)
            {
                Converter = converter;
                Name = name;
                BaseType = baseType;
                Kind = kind;
                Required = required;
            }

            public string Name { get; }
            public string BaseType { get; }
            public ValueKind Kind { get; }
            public bool Required { get; }

            /// <summary>For a converter of the program's own: the converter (Url.For reads a value's text with it).</summary>
            public ConverterSpec? Converter { get; }

            public string CSharpType => Required ? BaseType : BaseType + "?";

            public string Identifier => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(Name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + Name : Name;

            /// <summary>The non-null value, in a branch where it is known to be given.</summary>
            public string Value => Required || Kind == ValueKind.String ? Identifier : Identifier + ".Value";
        }

        /// <summary>An endpoint: its name, its typed method's name, its rules in Werkzeug's build order.</summary>
        internal sealed class Endpoint
        {
            public Endpoint(string name, string methodName, List<TableRule> rules)
            {
                Name = name;
                MethodName = methodName;
                Rules = rules;
            }

            public string Name { get; }
            public string MethodName { get; }
            public List<TableRule> Rules { get; }
        }

        private readonly IndentedTextWriter w;
        private int cacheCount;
        private readonly List<string> fields = new List<string>();
        private readonly ConverterFields converterFields = new ConverterFields("Url");

        public UrlForEmitter(IndentedTextWriter writer) => w = writer;

        /// <summary>
        /// Groups a table's rules by endpoint; rules with more values first (Werkzeug's build order). One endpoint
        /// belongs to one view (a duplicate is reported by the analyzers): it is built from the rules of the first
        /// view that has it, in the order the rules were given.
        /// </summary>
        public static List<Endpoint> Endpoints(IReadOnlyList<TableRule> rules)
        {
            var methodNames = MethodNames(rules.Select(r => r.Rule.Endpoint));
            var firstView = new Dictionary<string, ViewSpec>();
            foreach (var rule in rules)
            {
                if (!firstView.ContainsKey(rule.Rule.Endpoint))
                {
                    firstView.Add(rule.Rule.Endpoint, rule.View);
                }
            }
            var result = new List<Endpoint>();
            foreach (var group in rules.GroupBy(r => r.Rule.Endpoint).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                var view = firstView[group.Key];
                var ordered = group.Where(r => ReferenceEquals(r.View, view))
                    .OrderByDescending(r => r.Rule.Variables.Count + r.Rule.Defaults.Count)
                    .ThenByDescending(r => r.Rule.Defaults.Count)
                    .ThenBy(r => r, MatchOrder.Instance)
                    .ToList();
                result.Add(new Endpoint(group.Key, methodNames[group.Key], ordered));
            }
            return result;
        }

        /// <summary>
        /// The order in which a matcher tries rules (Werkzeug's, <see cref="Shared.RuleOrder"/>; of two rules of the same
        /// path, one listing HEAD first, then declaration order): the tie-break among an endpoint's rules when building,
        /// read from the rules themselves, so a part of the app's table needs no match tree of its own to build in it.
        /// </summary>
        private sealed class MatchOrder : IComparer<TableRule>
        {
            public static readonly MatchOrder Instance = new MatchOrder();

            public int Compare(TableRule? a, TableRule? b)
            {
                int c = Shared.RuleOrder.CompareRules(a!.Rule.Parts, a.Rule.Variables.Select(v => v.Converter.Key).ToList(),
                    b!.Rule.Parts, b.Rule.Variables.Select(v => v.Converter.Key).ToList());
                if (c == 0) c = b.Rule.ExplicitHead.CompareTo(a.Rule.ExplicitHead);
                return c != 0 ? c : a.Local.CompareTo(b.Local);
            }
        }

        /// <summary>The typed method name of each endpoint: its PascalCase, made unique in endpoint order.</summary>
        public static Dictionary<string, string> MethodNames(IEnumerable<string> endpoints)
        {
            var result = new Dictionary<string, string>();
            var names = new HashSet<string>();
            foreach (var endpoint in endpoints.Distinct().OrderBy(e => e, System.StringComparer.Ordinal))
            {
                string method = PascalCase(endpoint);
                while (!names.Add(method))
                {
                    method += "_";
                }
                result.Add(endpoint, method);
            }
            return result;
        }

        /// <summary>The table's BuildUrl override, for <c>Url.For</c>.</summary>
        public static void EmitBuildUrl(IndentedTextWriter w, List<Endpoint> endpoints, System.Func<Endpoint, string>? owner = null)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override string? BuildUrl(string endpoint, string prefix, global::Flagon.Routing.UrlValues values, string? anchor, bool external)");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine("switch (endpoint)");
            w.WriteLine("{");
            w.Indent++;
            var converters = new ConverterFields("Build");
            foreach (var endpoint in endpoints)
            {
                var parameters = Parameters(endpoint);
                var arguments = new List<string> { "prefix" };
                arguments.AddRange(parameters.Select(p => $"{p.Identifier}: {Read(p, converters)}"));
                arguments.Add($"query: values.Query({string.Join(", ", parameters.Select(p => MatcherEmitter.Literal(p.Name)))})");
                arguments.Add("anchor: anchor");
                arguments.Add("external: external");
                w.WriteLine($"case {MatcherEmitter.Literal(endpoint.Name)}:");
                w.Indent++;
                w.WriteLine($"return {BuilderOf(endpoint, owner)}({string.Join(", ", arguments)});");
                w.Indent--;
            }
            w.WriteLine("default:");
            w.Indent++;
            w.WriteLine("return null;");
            w.Indent--;
            w.Indent--;
            w.WriteLine("}");
            w.Indent--;
            w.WriteLine("}");
            converters.WriteTo(w);
        }

        /// <summary>
        /// The table's DefaultsRedirect override (Werkzeug's <c>redirect_defaults</c>): for each rule an earlier rule of its
        /// endpoint (in build order) takes the same values with defaults, the check that the matched values equal those
        /// defaults, and then the endpoint's URL for them, which that earlier rule builds. Nothing when no rule has one.
        /// </summary>
        public static void EmitDefaultsRedirect(IndentedTextWriter w, List<Endpoint> endpoints, System.Func<Endpoint, string>? owner = null)
        {
            var cases = new List<(TableRule Rule, Endpoint Endpoint, List<TableRule> Canonical)>();
            foreach (var endpoint in endpoints)
            {
                for (int i = 0; i < endpoint.Rules.Count; i++)
                {
                    var rule = endpoint.Rules[i];
                    var canonical = endpoint.Rules.Take(i)
                        .Where(r => r.Rule.Defaults.Count > 0 && Arguments(r.Rule).SetEquals(Arguments(rule.Rule)))
                        .ToList();
                    if (canonical.Count > 0)
                    {
                        cases.Add((rule, endpoint, canonical));
                    }
                }
            }
            if (cases.Count == 0)
            {
                return;
            }
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override bool RedirectsDefaults => true;");
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override string? DefaultsRedirect(string prefix, global::System.ReadOnlySpan<char> path, in global::Flagon.Routing.RouteMatch match)");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine("switch (match.RuleIndex)");
            w.WriteLine("{");
            w.Indent++;
            var values = new InvokeEmitter(w, "Redirect");
            foreach (var (rule, endpoint, canonical) in cases.OrderBy(c => c.Rule.Index))
            {
                w.WriteLine($"case {rule.Index}: // {rule.Rule.Pattern} -> {rule.Rule.Endpoint}: redirected to {string.Join(" or ", canonical.Select(c => c.Rule.Pattern))} when its values are their defaults");
                w.WriteLine("{");
                w.Indent++;
                for (int v = 0; v < rule.Rule.Variables.Count; v++)
                {
                    values.EmitValue(rule.Rule.Variables[v], v);
                }
                foreach (var other in canonical)
                {
                    var equal = other.Rule.Defaults.Select(d => Same(rule.Rule, d)).ToList();
                    if (equal.Any(e => e == "false"))
                    {
                        continue;
                    }
                    var arguments = new List<string> { "prefix" };
                    foreach (var p in Parameters(endpoint))
                    {
                        int variable = rule.Rule.Variables.ToList().FindIndex(x => x.Name == p.Name);
                        var own = rule.Rule.Defaults.FirstOrDefault(d => d.Name == p.Name);
                        arguments.Add($"{p.Identifier}: {(variable >= 0 ? $"value{variable}" : own is not null ? own.Literal : "null")}");
                    }
                    arguments.Add("query: null");
                    arguments.Add("anchor: null");
                    arguments.Add("external: false");
                    string condition = equal.Where(e => e != "true").DefaultIfEmpty("true").Aggregate((a, b) => $"{a} && {b}");
                    w.WriteLine($"if ({condition}) return {BuilderOf(endpoint, owner)}({string.Join(", ", arguments)}); // {other.Rule.Pattern}");
                }
                w.WriteLine("return null;");
                w.Indent--;
                w.WriteLine("}");
            }
            w.WriteLine("default:");
            w.Indent++;
            w.WriteLine("return null;");
            w.Indent--;
            w.Indent--;
            w.WriteLine("}");
            w.Indent--;
            w.WriteLine("}");
            values.EmitConverterFields();

            // Whether the matched rule's value for a default equals it: "true"/"false" when known now, else the test.
            static string Same(RuleSpec rule, DefaultSpec @default)
            {
                int variable = rule.Variables.ToList().FindIndex(v => v.Name == @default.Name);
                if (variable >= 0)
                {
                    return $"value{variable} == {@default.Literal}";
                }
                var own = rule.Defaults.FirstOrDefault(d => d.Name == @default.Name);
                return own is not null && own.Literal == @default.Literal ? "true" : "false";
            }
        }

        // Werkzeug's Rule.arguments: the rule's variables and the names of its defaults.
        private static HashSet<string> Arguments(RuleSpec rule) =>
            new HashSet<string>(rule.Variables.Select(v => v.Name).Concat(rule.Defaults.Select(d => d.Name)), System.StringComparer.Ordinal);

        // The builder method of an endpoint, qualified by its owner's class when another class holds it.
        private static string BuilderOf(Endpoint endpoint, System.Func<Endpoint, string>? owner) =>
            (owner is null ? string.Empty : owner(endpoint) + ".") + "Build" + endpoint.MethodName;

        private static string Read(BuildParameter p, ConverterFields converters) => (p.Kind, p.Required) switch
        {
            (ValueKind.Custom, _) => $"values.Custom<{p.BaseType}>({MatcherEmitter.Literal(p.Name)}, {converters.Field(p.Converter!)})",
            (ValueKind.String, true) => $"values.Required<string>({MatcherEmitter.Literal(p.Name)})",
            (ValueKind.String, false) => $"values.OptionalString({MatcherEmitter.Literal(p.Name)})",
            (ValueKind.Enum, true) => $"values.RequiredEnum<{p.BaseType}>({MatcherEmitter.Literal(p.Name)})",
            (ValueKind.Enum, false) => $"values.OptionalEnum<{p.BaseType}>({MatcherEmitter.Literal(p.Name)})",
            (_, true) => $"values.Required<{p.BaseType}>({MatcherEmitter.Literal(p.Name)})",
            _ => $"values.Optional<{p.BaseType}>({MatcherEmitter.Literal(p.Name)})",
        };

        /// <summary>The table's builders, one per endpoint, taking the mount prefix: what UrlFor and Url.For call.</summary>
        public void EmitBuilders(List<Endpoint> endpoints)
        {
            foreach (var endpoint in endpoints)
            {
                EmitBuilder(endpoint);
                w.WriteLineNoTabs(string.Empty);
            }
            foreach (var field in converterFields.Declarations)
            {
                w.WriteLine(field);
            }
            foreach (var field in fields)
            {
                w.WriteLine(field);
            }
        }

        /// <summary>The typed methods of a UrlFor class (or of its nested class for a blueprint).</summary>
        public static void EmitTypedMethods(IndentedTextWriter w, List<Endpoint> endpoints, string? blueprint, string table)
        {
            bool first = true;
            foreach (var endpoint in endpoints)
            {
                if (!first)
                {
                    w.WriteLineNoTabs(string.Empty);
                }
                first = false;
                var parameters = Parameters(endpoint);
                string qualified = blueprint is null ? endpoint.Name : blueprint + "." + endpoint.Name;
                var rules = string.Join(" or ", endpoint.Rules.Select(r => $"<c>{Xml(r.Rule.Pattern)}</c>"));
                w.WriteLine($"/// <summary>The URL of the endpoint <c>{Xml(qualified)}</c>: {rules}.</summary>");
                foreach (var p in parameters)
                {
                    w.WriteLine($"/// <param name=\"{p.Name}\">The rule value <c>{p.Name}</c>{(p.Required ? string.Empty : "; null leaves it to a rule that does not need it")}.</param>");
                }
                w.WriteLine("/// <param name=\"query\">Extra values, appended as the query string (Flask's extra url_for arguments).</param>");
                w.WriteLine("/// <param name=\"anchor\">Appended after <c>#</c> (Flask's <c>_anchor</c>).</param>");
                w.WriteLine("/// <param name=\"external\">An absolute URL with scheme and host (Flask's <c>_external</c>).</param>");
                w.WriteLine("/// <exception cref=\"global::Flagon.Routing.UrlBuildException\">A value does not fit its rule.</exception>");
                var signature = parameters.Select(p => $"{p.CSharpType} {p.Identifier}{(p.Required ? string.Empty : " = null")}").ToList();
                signature.Add($"{QueryType} query = null");
                signature.Add("string? anchor = null");
                signature.Add("bool external = false");
                var arguments = new List<string> { $"{Context}.Prefix({(blueprint is null ? "null" : MatcherEmitter.Literal(blueprint))})" };
                arguments.AddRange(parameters.Select(p => p.Identifier));
                arguments.Add("query");
                arguments.Add("anchor");
                arguments.Add("external");
                w.WriteLine("[global::Flagon.NeedsAppContext]");
                w.WriteLine($"public static string {endpoint.MethodName}({string.Join(", ", signature)}) =>");
                w.Indent++;
                w.WriteLine($"{table}.Build{endpoint.MethodName}({string.Join(", ", arguments)});");
                w.Indent--;
            }
        }

        private void EmitBuilder(Endpoint endpoint)
        {
            var parameters = Parameters(endpoint);
            w.WriteLine($"/// <summary>Builds the URL of <c>{Xml(endpoint.Name)}</c> under <paramref name=\"prefix\"/>.</summary>");
            var signature = new List<string> { "string prefix" };
            signature.AddRange(parameters.Select(p => $"{p.CSharpType} {p.Identifier}"));
            signature.Add($"{QueryType} query");
            signature.Add("string? anchor");
            signature.Add("bool external");
            w.WriteLine($"internal static string Build{endpoint.MethodName}({string.Join(", ", signature)})");
            w.WriteLine("{");
            w.Indent++;
            bool unconditional = false;
            foreach (var rule in endpoint.Rules)
            {
                var conditions = Suitable(rule, parameters);
                w.WriteLine($"// {rule.Rule.Pattern}");
                if (conditions.Count == 0 && rule == endpoint.Rules[0])
                {
                    // The one rule that fits every call: no block of its own.
                    EmitRuleBuilder(endpoint.Name, rule, parameters);
                    unconditional = true;
                    break;
                }
                if (conditions.Count > 0)
                {
                    w.WriteLine($"if ({string.Join(" && ", conditions)})");
                }
                w.WriteLine("{");
                w.Indent++;
                EmitRuleBuilder(endpoint.Name, rule, parameters);
                w.Indent--;
                w.WriteLine("}");
                if (conditions.Count == 0)
                {
                    unconditional = true;
                    break;
                }
            }
            if (!unconditional)
            {
                var missing = string.Join(", ", parameters.Where(p => !p.Required).Select(p => p.Name));
                w.WriteLine($"throw new global::Flagon.Routing.UrlBuildException({MatcherEmitter.Literal(endpoint.Name)}, {MatcherEmitter.Literal($"no rule fits the values given (of: {missing}).")});");
            }
            w.Indent--;
            w.WriteLine("}");
        }

        // Werkzeug's suitable_for: every variable given, every default either not given or equal.
        private static List<string> Suitable(TableRule rule, List<BuildParameter> parameters)
        {
            var conditions = new List<string>();
            foreach (var variable in rule.Rule.Variables)
            {
                var p = parameters.First(x => x.Name == variable.Name);
                if (!p.Required)
                {
                    conditions.Add($"{p.Identifier} is not null");
                }
            }
            foreach (var @default in rule.Rule.Defaults)
            {
                var p = parameters.First(x => x.Name == @default.Name);
                conditions.Add($"({p.Identifier} is null || {p.Value} == {@default.Literal})");
            }
            return conditions;
        }

        private void EmitRuleBuilder(string endpoint, TableRule rule, List<BuildParameter> parameters)
        {
            var spec = rule.Rule;
            if (spec.IsStatic)
            {
                string field = $"cache{cacheCount++}";
                fields.Add($"private static {Context}.CachedUrl? {field};");
                string path = StaticPath(spec);
                w.WriteLine("if (query is null && anchor is null && !external)");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine($"return {Context}.Static(ref {field}, prefix, {MatcherEmitter.Literal(path)});");
                w.Indent--;
                w.WriteLine("}");
            }
            w.WriteLine("var url = new global::Flagon.Routing.UrlWriter(stackalloc char[256]);");
            w.WriteLine($"{Context}.Begin(ref url, prefix, external);");
            // Static text is written in as few pieces as possible: "/page/" then the value.
            var pending = new StringBuilder();
            void Flush()
            {
                if (pending.Length > 0)
                {
                    w.WriteLine($"url.AppendLiteral({MatcherEmitter.Literal(UrlQuoting.QuotePath(pending.ToString()))});");
                    pending.Clear();
                }
            }
            foreach (var part in spec.Parts)
            {
                pending.Append('/');
                string? bounds = null, start = null;
                if (part.IsCompound)
                {
                    // Several values in one part: marked as written, then checked to match back the same way.
                    Flush();
                    int n = cacheCount++;
                    start = $"start{n}";
                    bounds = $"bounds{n}";
                    w.WriteLine($"int {start} = url.Length;");
                    w.WriteLine($"global::System.Span<int> {bounds} = stackalloc int[{2 * part.Variables.Count}];");
                }
                for (int i = 0; i < part.Texts.Count; i++)
                {
                    pending.Append(part.Texts[i]);
                    if (i == part.Variables.Count)
                    {
                        break;
                    }
                    Flush();
                    var variable = spec.Variables[part.Variables[i]];
                    var p = parameters.First(x => x.Name == variable.Name);
                    if (bounds is not null)
                    {
                        w.WriteLine($"{bounds}[{2 * i}] = url.Length;");
                    }
                    bool beforeSlash = part.IsSuffixed && i == part.Variables.Count - 1 && part.Suffix.Length == 0;
                    w.WriteLine(WriteValue(endpoint, variable, p, beforeSlash));
                    if (bounds is not null)
                    {
                        w.WriteLine($"{bounds}[{(2 * i) + 1}] = url.Length;");
                    }
                }
                if (bounds is not null)
                {
                    Flush();
                    string pattern = $"pattern{cacheCount++}";
                    var converters = part.Variables.Select(v => spec.Variables[v].Converter).ToEquatableArray();
                    fields.Add($"private static readonly global::Flagon.Routing.PartPattern {pattern} = {MatcherEmitter.PatternCreation(part, converters, converterFields.Field)};");
                    w.WriteLine($"url.CheckSplit({pattern}, {start}, {bounds}, {MatcherEmitter.Literal(endpoint)});");
                }
            }
            Flush();
            w.WriteLine($"return {Context}.End(ref url, query, anchor);");
        }

        // The rule's text as a URL: quoted at build time (Werkzeug quotes it when building).
        private static string StaticPath(RuleSpec spec) => UrlQuoting.QuotePath("/" + string.Join("/", spec.Parts.Select(p => p.Prefix)));

        private string WriteValue(string endpoint, VariableSpec variable, BuildParameter p, bool beforeSlash)
        {
            var c = variable.Converter;
            string ep = MatcherEmitter.Literal(endpoint);
            string name = MatcherEmitter.Literal(variable.Name);
            switch (variable.Kind)
            {
                case ValueKind.Int32:
                case ValueKind.Int64:
                    return $"url.AppendInt({Checks}.Int({ep}, {name}, {p.Value}, {c.FixedDigits}, {(c.Signed ? "true" : "false")}, {c.Min}, {c.Max}), {c.FixedDigits});";
                case ValueKind.Double:
                case ValueKind.Single:
                    return $"url.AppendFloat({Checks}.Float({ep}, {name}, {p.Value}, {(c.Signed ? "true" : "false")}, {c.Min}, {c.Max}));";
                case ValueKind.Guid:
                    return $"url.AppendUuid({p.Value});";
                case ValueKind.Enum:
                {
                    var arms = c.Choices.Select((choice, i) => $"{variable.TypeName}.{variable.EnumMembers[i]} => {MatcherEmitter.Literal(UrlQuoting.QuotePath(choice))}");
                    return $"url.AppendLiteral({p.Value} switch {{ {string.Join(", ", arms)}, _ => throw new global::Flagon.Routing.UrlBuildException({ep}, {MatcherEmitter.Literal($"'{variable.Name}' is not one of the rule's values.")}) }});";
                }
            }
            switch (c.Kind)
            {
                case ConverterKind.Custom:
                    return $"url.AppendSegment({Checks}.Custom({ep}, {name}, {converterFields.Field(c)}, {p.Value}));";
                case ConverterKind.Path:
                    return $"url.AppendPath({Checks}.{(beforeSlash ? "PathBeforeSlash" : "Path")}({ep}, {name}, {p.Value}));";
                case ConverterKind.Any:
                {
                    string field = $"choices{cacheCount++}";
                    fields.Add($"private static readonly string[] {field} = [{string.Join(", ", c.Choices.Select(MatcherEmitter.Literal))}];");
                    return $"url.AppendSegment({Checks}.Any({ep}, {name}, {p.Value}, {field}));";
                }
                default:
                    return $"url.AppendSegment({Checks}.String({ep}, {name}, {p.Value}, {c.MinLength}, {(c.MaxLength == int.MaxValue ? "int.MaxValue" : c.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture))}));";
            }
        }

        private static List<BuildParameter> Parameters(Endpoint endpoint)
        {
            var result = new List<BuildParameter>();
            // In the view's parameter order.
            foreach (var argument in endpoint.Rules[0].Rule.Arguments)
            {
                var asVariable = endpoint.Rules.SelectMany(r => r.Rule.Variables).FirstOrDefault(v => v.Name == argument.ParameterName);
                var asDefault = endpoint.Rules.SelectMany(r => r.Rule.Defaults).FirstOrDefault(d => d.Name == argument.ParameterName);
                if (asVariable is null && asDefault is null)
                {
                    continue;
                }
                bool required = asDefault is null && endpoint.Rules.All(r => r.Rule.Variables.Any(v => v.Name == argument.ParameterName));
                string baseType = asVariable?.TypeName ?? argument.TypeName.TrimEnd('?');
                var kind = asVariable?.Kind ?? asDefault!.Kind;
                result.Add(new BuildParameter(argument.ParameterName, baseType, kind, required, asVariable?.Converter));
            }
            return result;
        }

        /// <summary><c>default_page</c> becomes <c>DefaultPage</c>.</summary>
        public static string PascalCase(string endpoint) => EndpointNames.ToMethod(endpoint);

        private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
