using System.Linq.Expressions;
using System.Reflection;

namespace Flagon.Runtime.Tests;

/// <summary>
/// Every routing conformance case again, with the conformance views added as run-time rules (AddUrlRule with a rule
/// the generator cannot see, bound by reflection) instead of compiled [Route]s: the same answers, because both are
/// read by the same rule code and tried in the same Werkzeug order.
/// </summary>
public class RunTimeRulesConformanceTests
{
    private sealed class BareApp() : App([], []);

    // Left out: rules of other classes (instance views with services), the Strict trailing-slash policy (Flagon's
    // own, which AddUrlRule does not take), and the body of the app's 500 handler (registered here as a status only).
    private static readonly string[] OtherViews = ["/greet"];

    private static readonly Lazy<App> Twin = new(() =>
    {
        var app = new BareApp();
        // Added in reverse declaration order: the order rules are tried must not depend on the order they were added.
        foreach (var method in typeof(ConformanceViews).GetMethods(BindingFlags.Public | BindingFlags.Static).Reverse())
        {
            foreach (var route in method.GetCustomAttributes<RouteAttribute>())
            {
                if (route.TrailingSlash == TrailingSlash.Strict)
                {
                    continue;
                }
                var types = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray();
                var view = method.CreateDelegate(Expression.GetDelegateType(types));
                app.AddUrlRule(route.Rule, view, route.Endpoint, route.Methods, route.Defaults, route.StrictSlashes);
            }
        }
        return app;
    });

    public static IEnumerable<object?[]> Cases() =>
        from object?[] row in RoutingConformanceTests.Cases
        let target = (string)row[1]!
        where !OtherViews.Any(target.StartsWith) && !target.StartsWith("/strict", StringComparison.Ordinal)
        select row;

    [Fact]
    public void Every_conformance_view_is_a_run_time_rule()
    {
        var kinds = Twin.Value.Router.Tables.Select(t => t.GetType().Name).Where(k => k != "StaticRouteTable").ToList();

        Assert.Equal(["RuntimeRouteTable"], kinds);
        Assert.True(Twin.Value.UrlMap.Count() > 40);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_run_time_rule_gets_the_compiled_rules_answer(string method, string target, int status, string? body)
    {
        var response = await InProcess.SendAsync(Twin.Value.HandleRequestAsync, method, RouteHarness.DecodeLikeKestrel(target));

        Assert.Equal(status, response.Status);
        if (body is not null)
        {
            Assert.Equal(body, response.Body);
        }
    }
}
