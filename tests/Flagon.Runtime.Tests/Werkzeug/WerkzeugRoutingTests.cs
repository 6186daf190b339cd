using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flagon.Routing;

namespace Flagon.Runtime.Tests.Werkzeug;

/// <summary>
/// Werkzeug's own routing tests (its tests/test_routing.py), replayed: werkzeug_cases.py ran each rule map, request
/// and URL build of the tests Flagon's routing covers through Werkzeug 2.2.2 and recorded the answers in
/// werkzeug-cases.json; here each map becomes an app of run-time rules (read and ordered by the same code as compiled
/// ones, as the run-time conformance tests show) and must give the same answers, but for the differences listed
/// below, each with its reason.
/// </summary>
public class WerkzeugRoutingTests
{
    private sealed class BareApp() : App([], []);

    private static readonly JsonObject Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Werkzeug", "werkzeug-cases.json")))!.AsObject();

    /// <summary>Where Flagon answers otherwise, on purpose: map, method and path (or "build endpoint"), and why.</summary>
    private static readonly Dictionary<string, string> Differences = new()
    {
        // Werkzeug 2.2.3 added "suffixed" path parts: a rule ending in a slash after a path variable redirects the path
        // without it, and its test_routing.py now expects that redirect. Flagon follows the newer Werkzeug.
        ["strict_slashes_redirect GET /abc"] = "308 to /abc/ (Werkzeug 2.3's answer; 2.2.2 says 404)",
    };

    public static IEnumerable<object[]> Maps() => Cases["maps"]!.AsArray().Select(m => new object[] { m!["name"]!.GetValue<string>() });

    [Theory]
    [MemberData(nameof(Maps))]
    public async Task A_map_of_werkzeugs_tests_gets_werkzeugs_answers(string name)
    {
        var map = Cases["maps"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == name)!;
        var app = new BareApp();
        foreach (var rule in map["rules"]!.AsArray())
        {
            Add(app, rule!);
        }

        var failures = new List<string>();
        foreach (var request in map["requests"]!.AsArray())
        {
            string method = request!["method"]!.GetValue<string>(), path = request["path"]!.GetValue<string>();
            var response = await InProcess.SendAsync(app.HandleRequestAsync, method, path);
            string expected = Expected(request), actual = Actual(response);
            if (method == "HEAD" && response.Status == 200)
            {
                // A HEAD answer has no body to show the view's values: the status is the answer.
                (expected, actual) = (expected.Split(' ')[0], "200");
            }
            string key = $"{name} {method} {path}";
            if (Differences.TryGetValue(key, out var difference))
            {
                expected = difference.Split(" (")[0];
            }
            if (expected != actual)
            {
                failures.Add($"{method} {path}: Werkzeug {expected}, Flagon {actual}");
            }
        }
        using (app.AppContext())
        {
            foreach (var build in map["builds"]!.AsArray())
            {
                var endpoint = build!["endpoint"]!.GetValue<string>();
                var values = build["values"]!.AsObject().ToDictionary(v => v.Key, v => Value(v.Value!));
                string? url = build["url"]?.GetValue<string>(), built;
                try
                {
                    built = Url.For(endpoint, values);
                }
                catch (UrlBuildException ex)
                {
                    built = $"refused ({ex.Message})";
                }
                if (built != url)
                {
                    failures.Add($"build {endpoint} {build["values"]!.ToJsonString()}: Werkzeug {url ?? "refuses"}, Flagon {built}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // ---- the rules: each view a method with one parameter per value, named and typed as its rule says ----

    private static void Add(App app, JsonNode rule)
    {
        string pattern = rule["rule"]!.GetValue<string>();
        var defaults = rule["defaults"]!.AsObject();
        var parameters = Generators.Shared.RuleParser.Parse(pattern, Generators.Shared.RuleParser.AnyConverter).Parts
            .Where(p => p.IsVariable)
            .Select(p => (p.Text, Type: p.Converter switch { "int" => typeof(long), "float" => typeof(double), "uuid" => typeof(Guid), _ => typeof(string) }))
            .Concat(defaults.Select(d => (d.Key, Type: d.Value!.AsObject().Single().Key switch
            {
                "int" => typeof(long),
                "float" => typeof(double),
                _ => typeof(string), // bool defaults are Python's True/False: Flagon's defaults are text, ints, floats, uuids and enums
            })))
            .ToList();
        string? defaultsText = defaults.Count == 0 ? null
            : string.Join(",", defaults.Select(d => $"{d.Key}={Text(d.Value!)}"));
        var methods = rule["methods"]?.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        app.AddUrlRule(pattern, View(parameters), rule["endpoint"]!.GetValue<string>(), methods, defaultsText, rule["strict_slashes"]!.GetValue<bool>());
    }

    // A view with named, typed parameters (what a run-time rule binds by), answering with its endpoint and values.
    private static Delegate View(List<(string Name, Type Type)> parameters)
    {
        var method = new DynamicMethod("view", typeof(string), [.. parameters.Select(p => p.Type)], typeof(WerkzeugRoutingTests).Module);
        for (int i = 0; i < parameters.Count; i++)
        {
            method.DefineParameter(i + 1, ParameterAttributes.None, parameters[i].Name);
        }
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldstr, string.Join(",", parameters.Select(p => p.Name)));
        il.Emit(OpCodes.Ldc_I4, parameters.Count);
        il.Emit(OpCodes.Newarr, typeof(object));
        for (int i = 0; i < parameters.Count; i++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldarg, i);
            if (parameters[i].Type.IsValueType)
            {
                il.Emit(OpCodes.Box, parameters[i].Type);
            }
            il.Emit(OpCodes.Stelem_Ref);
        }
        il.Emit(OpCodes.Call, typeof(WerkzeugRoutingTests).GetMethod(nameof(Describe), BindingFlags.Public | BindingFlags.Static)!);
        il.Emit(OpCodes.Ret);
        var type = System.Linq.Expressions.Expression.GetDelegateType([.. parameters.Select(p => p.Type), typeof(string)]);
        return method.CreateDelegate(type);
    }

    /// <summary>The view's answer: its endpoint and values as Werkzeug's match gives them (sorted by name).</summary>
    [NeedsRequestContext]
    public static string Describe(string names, object?[] values)
    {
        var pairs = names.Length == 0 ? [] : names.Split(',').Zip(values).OrderBy(p => p.First, StringComparer.Ordinal).Select(p => $"{p.First}={Show(p.Second)}");
        return $"{Globals.Request.Endpoint} {{{string.Join(", ", pairs)}}}";
    }

    private static string Show(object? value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        _ => $"'{value}'",
    };

    // ---- Werkzeug's answers, written as the view and the response write Flagon's ----

    private static string Expected(JsonNode answer)
    {
        int status = answer["status"]!.GetValue<int>();
        return status switch
        {
            200 => $"200 {answer["endpoint"]!.GetValue<string>()} {{{string.Join(", ", answer["values"]!.AsObject().OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Show(v.Value!)}"))}}}",
            308 or 301 => $"308 to {answer["location"]!.GetValue<string>()}",
            405 => $"405 allowing {string.Join(", ", answer["allowed"]!.AsArray().Select(m => m!.GetValue<string>()))}",
            _ => status.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Actual(TestResponse response) => response.Status switch
    {
        200 => $"200 {response.Body}",
        308 => $"308 to {response.Header("Location")}",
        405 => $"405 allowing {string.Join(", ", (response.Header("Allow") ?? string.Empty).Split(", ").Where(m => m != "OPTIONS"))}",
        _ => response.Status.ToString(CultureInfo.InvariantCulture),
    };

    private static string Show(JsonNode typed)
    {
        var (kind, value) = typed.AsObject().Single();
        return kind switch
        {
            "int" => value!.GetValue<long>().ToString(CultureInfo.InvariantCulture),
            "float" => value!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
            "bool" => $"'{(value!.GetValue<bool>() ? "True" : "False")}'",
            "uuid" => value!.GetValue<string>(),
            _ => $"'{value!.GetValue<string>()}'",
        };
    }

    private static string Text(JsonNode typed)
    {
        var (kind, value) = typed.AsObject().Single();
        return kind switch
        {
            "bool" => value!.GetValue<bool>() ? "True" : "False",
            "float" => value!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
            _ => value!.ToString(),
        };
    }

    private static object? Value(JsonNode typed)
    {
        var (kind, value) = typed.AsObject().Single();
        return kind switch
        {
            "int" => value!.GetValue<long>(),
            "float" => value!.GetValue<double>(),
            "bool" => value!.GetValue<bool>(),
            "uuid" => Guid.Parse(value!.GetValue<string>()),
            _ => value!.GetValue<string>(),
        };
    }
}
