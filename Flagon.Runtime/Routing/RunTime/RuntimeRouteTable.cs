using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Flagon.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Routing.RunTime;

/// <summary>
/// Rules added with <see cref="App.AddUrlRule"/> whose arguments the generator could not see (a rule that is
/// not a constant): parsed when added, matched by walking their parts in the order they were added, and
/// bound and called by reflection. Literal rules never come here: the generator compiles them.
/// </summary>
[RequiresUnreferencedCode("Binds view parameters by reflection; use [Route] or a literal AddUrlRule, which the generator compiles.")]
[RequiresDynamicCode("Calls the view with Delegate.DynamicInvoke.")]
internal sealed class RuntimeRouteTable : RouteTable
{
    private sealed record Entry(Rule Rule, PartSpec[] Parts, PartPattern?[] Patterns, RuntimeVariable[] Variables, Delegate View, ParameterInfo[] Parameters,
        IReadOnlyDictionary<string, string> Defaults, bool AutomaticOptions, bool StrictSlashes)
    {
        /// <summary>The order the rule was added in: Werkzeug's last tie-break when building.</summary>
        public int Added { get; init; }
    }

    private static readonly string[] AllMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
    private readonly List<Entry> entries = [];
    private readonly List<Rule> rules = [];
    private readonly List<string> methodNames = [.. AllMethods];

    public override IReadOnlyList<Rule> Rules => rules;

    public override IReadOnlyList<string> MethodNames => methodNames;

    /// <summary>Adds a rule; throws <see cref="ArgumentException"/> for what the analyzers would report at build time.</summary>
    public void Add(string pattern, Delegate view, string? endpoint, string[]? methods, string? defaults, bool strictSlashes)
    {
        // Checked by the generator's own code, with its errors: FLG0001-FLG0007, FLG0101, FLG0103.
        var custom = RouteConverters.Names;
        var parsed = RuleParser.Parse(pattern, custom.Contains);
        if (parsed.Error is { } error)
        {
            throw new ArgumentException(RuleMessages.Of(error, pattern, custom), nameof(pattern));
        }
        var parameters = view.Method.GetParameters();
        var variableParts = parsed.Parts.Where(p => p.IsVariable).ToList();
        if (variableParts.Count > RouteValueRanges.Capacity)
        {
            throw new ArgumentException(RuleMessages.Format(RuleMessages.UnsupportedShapeId, RuleMessages.UnsupportedShape, pattern,
                $"a rule may have at most {RouteValueRanges.Capacity} variables"), nameof(pattern));
        }
        var variables = variableParts.Select(part =>
        {
            var parameter = parameters.FirstOrDefault(p => p.Name == part.Text)
                ?? throw new ArgumentException(RuleMessages.Format(RuleMessages.VariableWithoutParameterId, RuleMessages.VariableWithoutParameter, part.Text, ViewName(view)), nameof(view));
            return RuntimeVariable.Bind(part, pattern, parameter.ParameterType, ViewName(view));
        }).ToArray();
        var parts = RuleParts.Split(parsed).ToArray();
        var patterns = parts.Select(p => p.IsCompound ? Pattern(p, variables) : null).ToArray();
        var defaultValues = BindDefaults(defaults, variables, parameters);
        var set = new SortedSet<string>((methods is { Length: > 0 } ? methods : ["GET"]).Select(m => m.ToUpperInvariant()), StringComparer.Ordinal);
        bool automaticOptions = !set.Contains("OPTIONS");
        bool explicitHead = set.Contains("HEAD");
        if (set.Contains("GET"))
        {
            set.Add("HEAD");
        }
        set.Add("OPTIONS");
        foreach (var m in set.Where(m => !methodNames.Contains(m)))
        {
            methodNames.Add(m);
        }
        var rule = new Rule(endpoint ?? Generators.Shared.EndpointNames.FromMethod(view.Method.Name), pattern, [.. set]) { ExplicitHead = explicitHead, Defaults = defaultValues };
        entries.Add(new Entry(rule, parts, patterns, variables, view, parameters, defaultValues, automaticOptions, strictSlashes) { Added = entries.Count });
        // Kept in Werkzeug's order, so the first rule that matches is the one Werkzeug would pick (stable: equal
        // rules stay in the order added).
        var keys = entries.ToDictionary(e => e, e => e.Variables.Select(v => new ConverterKey(v.Converter, v.Arguments)).ToList());
        var ordered = entries.Select((e, i) => (Entry: e, Index: i)).ToList();
        ordered.Sort((a, b) =>
        {
            int c = RuleOrder.CompareRules(a.Entry.Parts, keys[a.Entry], b.Entry.Parts, keys[b.Entry]);
            // Rules of the same path: one that names HEAD itself answers HEAD before a GET rule's implied HEAD.
            if (c == 0) c = b.Entry.Rule.ExplicitHead.CompareTo(a.Entry.Rule.ExplicitHead);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        entries.Clear();
        entries.AddRange(ordered.Select(o => o.Entry));
        rules.Clear();
        rules.AddRange(entries.Select(e => e.Rule));
        RulesChanged();
        RefreshSubtrees();
        redirectsDefaults |= defaultValues.Count > 0;
    }

    private static string ViewName(Delegate view) => view.Method.Name;

    // Werkzeug's suitable_for: every variable given, every default not given or equal to the value given.
    private static bool Suits(Entry entry, UrlValues values)
    {
        if (entry.Variables.Any(v => values.Given(v.Name) is null))
        {
            return false;
        }
        foreach (var (name, text) in entry.Defaults)
        {
            if (values.Given(name) is not { } given)
            {
                continue;
            }
            var type = entry.Parameters.First(p => p.Name == name).ParameterType;
            if (!(TryConvert(text, type, out var expected) && TryConvert(UrlValues.Format(given) ?? string.Empty, type, out var actual) && Equals(expected, actual)))
            {
                return false;
            }
        }
        return true;
    }

    // Werkzeug's defaults, "name=value" pairs, checked as the generator checks them (FLG0007).
    private static Dictionary<string, string> BindDefaults(string? text, RuntimeVariable[] variables, ParameterInfo[] parameters)
    {
        var result = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }
        ArgumentException Bad(string why) => new(RuleMessages.Format(RuleMessages.BadDefaultsId, RuleMessages.BadDefaults, text, why), "defaults");
        foreach (var item in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = item.IndexOf('=');
            string name = eq < 0 ? item.Trim() : item[..eq].Trim();
            string value = eq < 0 ? string.Empty : item[(eq + 1)..].Trim();
            if (eq < 0 || name.Length == 0)
            {
                throw Bad($"'{item.Trim()}' is not name=value");
            }
            if (variables.Any(v => v.Name == name))
            {
                throw Bad($"'{name}' is a variable of the rule; a default gives a value the URL does not");
            }
            var parameter = parameters.FirstOrDefault(p => p.Name == name) ?? throw Bad($"the view has no parameter '{name}'");
            if (!TryConvert(value, parameter.ParameterType, out _))
            {
                throw Bad($"'{value}' is not a valid {TypeNames.Of(parameter.ParameterType)} for '{name}'");
            }
            result[name] = value;
        }
        return result;
    }

    // A part with several variables: its texts and converters' expressions, as the generator writes it.
    private static PartPattern Pattern(PartSpec part, RuntimeVariable[] variables)
    {
        var pieces = new List<PatternPiece>();
        for (int i = 0; i < part.Texts.Count; i++)
        {
            if (part.Texts[i].Length > 0)
            {
                pieces.Add(PatternPiece.Literal(part.Texts[i]));
            }
            if (i < part.Variables.Count)
            {
                pieces.Add(variables[part.Variables[i]].Piece);
            }
        }
        return new PartPattern([.. pieces]);
    }

    public override RouteMatch Match(ReadOnlySpan<char> path, string method, RuleSet? excluded)
    {
        var match = new RouteMatch();
        ulong allowed = 0;
        int accepted = -1, acceptedUntil = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            if (accepted >= 0 && i >= acceptedUntil)
            {
                break;
            }
            var entry = entries[i];
            var result = MatchParts(entry, path, ref match);
            if (result == 0)
            {
                continue;
            }
            bool methodOk = entry.Rule.AllowsMethod(method) && !(method == "OPTIONS" && entry.AutomaticOptions);
            if (result == 2 && methodOk && entry.StrictSlashes)
            {
                match.Status = MatchStatus.RedirectWithSlash;
                match.RuleIndex = i;
                return match;
            }
            if (result == 3 && methodOk)
            {
                // A rule that takes the path's extra trailing slash (strict slashes off) answers only if no rule
                // going on from it takes the path as it is (Werkzeug tries those first): keep it and look on.
                if (accepted < 0)
                {
                    (accepted, acceptedUntil) = (i, subtreeEnds[i]);
                }
                continue;
            }
            if (methodOk)
            {
                match.Status = MatchStatus.Matched;
                match.RuleIndex = i;
                return match;
            }
            foreach (var m in entry.Rule.Methods)
            {
                allowed |= 1UL << methodNames.IndexOf(m);
            }
        }
        if (accepted >= 0)
        {
            MatchParts(entries[accepted], path, ref match);
            match.Status = MatchStatus.Matched;
            match.RuleIndex = accepted;
            return match;
        }
        match.AllowedMethods = allowed;
        match.Status = allowed != 0 ? MatchStatus.MethodNotAllowed : MatchStatus.NotFound;
        return match;
    }

    // For each rule, the index of the first rule after it that does not go on from all of its parts: the rules in
    // between are the ones a matcher tries below it (kept in order, they follow it).
    private int[] subtreeEnds = [];

    private void RefreshSubtrees()
    {
        var ends = new int[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            int j = i + 1;
            while (j < entries.Count && GoesOnFrom(entries[j], entries[i]))
            {
                j++;
            }
            ends[i] = j;
        }
        subtreeEnds = ends;
    }

    private static bool GoesOnFrom(Entry later, Entry entry)
    {
        if (later.Parts.Length <= entry.Parts.Length)
        {
            return false;
        }
        for (int p = 0; p < entry.Parts.Length; p++)
        {
            var a = entry.Parts[p];
            var b = later.Parts[p];
            if (a.Positional() != b.Positional()
                || !a.Variables.Select(v => entry.Variables[v].Converter + "(" + entry.Variables[v].Arguments + ")")
                    .SequenceEqual(b.Variables.Select(v => later.Variables[v].Converter + "(" + later.Variables[v].Arguments + ")")))
            {
                return false;
            }
        }
        return true;
    }

    // 0: no match; 1: match; 2: match once a trailing slash is added (the rule ends with one, the path does not);
    // 3: match with the path's extra trailing slash left over (a rule without one, strict slashes off).
    private static int MatchParts(Entry entry, ReadOnlySpan<char> path, ref RouteMatch match)
    {
        int start = 1;
        for (int p = 0; p < entry.Parts.Length; p++)
        {
            var part = entry.Parts[p];
            if (start > path.Length)
            {
                bool onlySlashLeft = p == entry.Parts.Length - 1 && part.IsStatic && part.Prefix.Length == 0;
                return onlySlashLeft && !entry.StrictSlashes ? 1 : onlySlashLeft ? 2 : 0;
            }
            if (part.IsFinal)
            {
                // The rest of the path; a suffixed part matches it without one trailing slash (Werkzeug's (?<!/)(/?)).
                var rest = path[start..];
                bool slashed = part.IsSuffixed && rest.EndsWith('/');
                if (slashed)
                {
                    rest = rest[..^1];
                }
                if ((part.IsSuffixed && rest.EndsWith('/')) || !MatchValues(entry, p, rest, start, ref match))
                {
                    return 0;
                }
                return !part.IsSuffixed || slashed || !entry.StrictSlashes ? 1 : 2;
            }
            int end = Converters.PartEnd(path, start);
            var text = path[start..end];
            if (part.IsStatic ? !text.SequenceEqual(part.Prefix) : !MatchValues(entry, p, text, start, ref match))
            {
                return 0;
            }
            start = end + 1;
        }
        // The path ends here, or (strict slashes off) goes on with just a trailing slash.
        return start > path.Length ? 1 : start == path.Length && !entry.StrictSlashes ? 3 : 0;
    }

    // The values of part p in text (which starts at offset in the path), each accepted by its converter.
    private static bool MatchValues(Entry entry, int p, ReadOnlySpan<char> text, int offset, ref RouteMatch match)
    {
        var part = entry.Parts[p];
        if (entry.Patterns[p] is { } pattern)
        {
            if (!pattern.Match(text, offset, ref match.Values, part.Variables[0]))
            {
                return false;
            }
            foreach (int v in part.Variables)
            {
                var range = match.Values[v];
                if (!entry.Variables[v].Accepts(text[(range.Start.Value - offset)..(range.End.Value - offset)]))
                {
                    return false;
                }
            }
            return true;
        }
        if (text.Length <= part.Prefix.Length + part.Suffix.Length || !text.StartsWith(part.Prefix) || !text.EndsWith(part.Suffix))
        {
            return false;
        }
        int variable = part.Variables[0];
        if (!entry.Variables[variable].Accepts(text[part.Prefix.Length..^part.Suffix.Length]))
        {
            return false;
        }
        match.Values[variable] = new Range(offset + part.Prefix.Length, offset + text.Length - part.Suffix.Length);
        return true;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<object> EndpointMetadata(int rule)
    {
        var entry = entries[rule];
        return [.. entry.Variables.Select(v => v.Describe(
            Nullable.GetUnderlyingType(entry.Parameters.First(p => p.Name == v.Name).ParameterType) ?? entry.Parameters.First(p => p.Name == v.Name).ParameterType))];
    }

    public override ValueTask InvokeAsync(HttpContext context, ReadOnlySpan<char> path, in RouteMatch match)
    {
        var entry = entries[match.RuleIndex];
        var args = new object?[entry.Parameters.Length];
        for (int i = 0; i < args.Length; i++)
        {
            var parameter = entry.Parameters[i];
            int v = Array.FindIndex(entry.Variables, x => x.Name == parameter.Name);
            args[i] = v >= 0 && entry.Variables[v].Custom is { } converter ? converter.Parse(path[match.Values[v]])
                : v >= 0 ? Convert(Converters.ToValue(path[match.Values[v]]), parameter.ParameterType)
                : entry.Defaults.TryGetValue(parameter.Name!, out var d) ? Convert(d, parameter.ParameterType)
                : parameter.ParameterType == typeof(HttpContext) ? context
                : parameter.ParameterType == typeof(HttpRequest) ? context.Request
                : parameter.ParameterType == typeof(HttpResponse) ? context.Response
                : parameter.ParameterType == typeof(CancellationToken) ? context.RequestAborted
                : parameter.HasDefaultValue ? parameter.DefaultValue
                : IsValue(parameter.ParameterType) ? throw new InvalidOperationException($"Nothing fills the parameter '{parameter.Name}' of the view '{entry.View.Method.Name}'.")
                : context.RequestServices.GetRequiredService(parameter.ParameterType);
        }
        object? result;
        try
        {
            result = entry.View.DynamicInvoke(args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        return Http.ResponseWriter.WriteJson(context, result);
    }

    /// <inheritdoc/>
    public override bool RedirectsDefaults => redirectsDefaults;

    private bool redirectsDefaults;

    /// <inheritdoc/>
    public override string? DefaultsRedirect(string prefix, ReadOnlySpan<char> path, in RouteMatch match)
    {
        var entry = entries[match.RuleIndex];
        var earlier = BuildOrder(entry.Rule.Endpoint).TakeWhile(e => e != entry)
            .Where(e => e.Defaults.Count > 0 && Arguments(e).SetEquals(Arguments(entry)))
            .ToList();
        if (earlier.Count == 0)
        {
            return null;
        }
        // The matched values, as the view gets them, and the rule's own defaults.
        var values = new Dictionary<string, object?>();
        for (int v = 0; v < entry.Variables.Length; v++)
        {
            var variable = entry.Variables[v];
            var type = entry.Parameters.First(p => p.Name == variable.Name).ParameterType;
            values[variable.Name] = variable.Custom is { } converter ? converter.Parse(path[match.Values[v]]) : Convert(Converters.ToValue(path[match.Values[v]]), type);
        }
        foreach (var (name, text) in entry.Defaults)
        {
            values[name] = text;
        }
        var given = new UrlValues(entry.Rule.Endpoint, values);
        return earlier.Any(e => Suits(e, given)) ? BuildUrl(entry.Rule.Endpoint, prefix, given, null, false) : null;
    }

    // Werkzeug's Rule.arguments: the variables and the defaults' names.
    private static HashSet<string> Arguments(Entry entry) => [.. entry.Variables.Select(v => v.Name), .. entry.Defaults.Keys];

    // An endpoint's rules in Werkzeug's build order: more values first, then more defaults, then as added.
    private IEnumerable<Entry> BuildOrder(string endpoint) => entries.Where(e => e.Rule.Endpoint == endpoint)
        .OrderByDescending(e => e.Variables.Length + e.Defaults.Count).ThenByDescending(e => e.Defaults.Count).ThenBy(e => e.Added);

    public override string? BuildUrl(string endpoint, string prefix, UrlValues values, string? anchor, bool external)
    {
        // Werkzeug's choice: of the endpoint's rules, those with more values first, the first whose variables are all
        // given and whose defaults are each either not given or equal to the value given.
        var candidates = BuildOrder(endpoint).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var entry = candidates.FirstOrDefault(e => Suits(e, values))
            ?? throw new UrlBuildException(endpoint, $"no rule fits the values given (of: {string.Join(", ", candidates.Select(c => c.Rule.Pattern))}).");
        var url = new UrlWriter(stackalloc char[256]);
        UrlContext.Begin(ref url, prefix, external);
        Span<int> bounds = stackalloc int[2 * RouteValueRanges.Capacity];
        for (int p = 0; p < entry.Parts.Length; p++)
        {
            var part = entry.Parts[p];
            url.AppendLiteral("/");
            int start = url.Length;
            for (int i = 0; i < part.Texts.Count; i++)
            {
                url.AppendLiteral(Generators.Shared.UrlQuoting.QuotePath(part.Texts[i]));
                if (i == part.Variables.Count)
                {
                    break;
                }
                bounds[2 * i] = url.Length;
                var v = entry.Variables[part.Variables[i]];
                switch (v.Custom is null ? v.Converter : "custom")
                {
                    case "custom":
                        url.AppendSegment(UrlChecks.Custom(endpoint, v.Name, v.Custom!, values.Custom(v.Name, v.Custom!)));
                        break;
                    case "int":
                        url.AppendInt(UrlChecks.Int(endpoint, v.Name, values.Required<long>(v.Name), v.FixedDigits, v.Signed, v.LongMin, v.LongMax), v.FixedDigits);
                        break;
                    case "float":
                        url.AppendFloat(UrlChecks.Float(endpoint, v.Name, values.Required<double>(v.Name), v.Signed, v.DoubleMin, v.DoubleMax));
                        break;
                    case "uuid":
                        url.AppendUuid(values.Required<Guid>(v.Name));
                        break;
                    case "path":
                        bool beforeSlash = part.IsSuffixed && i == part.Variables.Count - 1 && part.Suffix.Length == 0;
                        url.AppendPath(beforeSlash
                            ? UrlChecks.PathBeforeSlash(endpoint, v.Name, values.Required<string>(v.Name))
                            : UrlChecks.Path(endpoint, v.Name, values.Required<string>(v.Name)));
                        break;
                    case "any":
                        url.AppendSegment(UrlChecks.Any(endpoint, v.Name, values.Required<string>(v.Name), v.Choices));
                        break;
                    default:
                        url.AppendSegment(UrlChecks.String(endpoint, v.Name, values.Required<string>(v.Name), v.MinLength, v.MaxLength));
                        break;
                }
                bounds[(2 * i) + 1] = url.Length;
            }
            if (entry.Patterns[p] is { } pattern)
            {
                url.CheckSplit(pattern, start, bounds[..(2 * part.Variables.Count)], endpoint);
            }
        }
        return UrlContext.End(ref url, values.Query([.. entry.Variables.Select(v => v.Name), .. entry.Defaults.Keys]), anchor);
    }

    private static bool IsValue(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(Guid));

    private static object? Convert(string text, Type type) =>
        TryConvert(text, type, out var value) ? value : throw new FormatException($"'{text}' is not a valid {TypeNames.Of(type)}.");

    private static (bool, object?) EnumMember(Type type, string text) =>
        Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } member
            ? (true, Enum.Parse(type, member)) : (false, null);

    // A value as the generator reads a default or a matched value: invariant culture, enum members by name in any case.
    private static bool TryConvert(string text, Type type, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var integer = System.Globalization.NumberStyles.AllowLeadingSign;
        var number = System.Globalization.NumberStyles.Float;
        (bool ok, value) = RuntimeVariable.KindOf(target) switch
        {
            ValueKind.String => (true, text),
            ValueKind.Int32 => (int.TryParse(text, integer, invariant, out var i), (object)i),
            ValueKind.Int64 => (long.TryParse(text, integer, invariant, out var l), l),
            ValueKind.Double => (double.TryParse(text, number, invariant, out var d), d),
            ValueKind.Single => (float.TryParse(text, number, invariant, out var f), f),
            ValueKind.Guid => (Guid.TryParse(text, out var g), g),
            ValueKind.Enum => EnumMember(target, text),
            _ => (false, null),
        };
        return ok;
    }
}
