using System.Text.RegularExpressions;
using Flagon.Cli;

namespace Flagon.Runtime.Tests;

/// <summary>`routes`, as `flask routes`: Flask's columns, its sort orders (endpoint by default), --all-methods, and a filter.</summary>
public class RoutesListingTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    private string[] Listing(string sort = "endpoint", bool allMethods = false, string? filter = null) =>
        RoutesCommand.Format(RoutesCommand.Select(harness.App.UrlMap, sort, allMethods, filter), allMethods)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Endpoints(string[] lines) => [.. lines.Skip(2).Select(l => l.Split(' ')[0])];

    [Fact]
    public void By_default_the_rules_are_sorted_by_endpoint_under_Flasks_columns()
    {
        var lines = Listing();

        Assert.Matches(@"^Endpoint +Methods +Rule$", lines[0]);
        Assert.Matches(@"^-+  -+  -+$", lines[1]);
        Assert.Equal(Endpoints(lines).Order(StringComparer.Ordinal), Endpoints(lines));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^admin\.reports\.year +GET +/admin/reports/<int:year>$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^replace_resource +DELETE, PUT +/resource$"));
    }

    [Fact]
    public void Sorted_by_match_the_rules_come_in_the_order_they_are_tried()
    {
        var lines = Listing("match");

        // The longest prefix is tried first: the nested blueprint, then admin and staff, then the app.
        Assert.Matches(@"^admin\.reports\.year +GET +/admin/reports/<int:year>$", lines[2]);
        int me = Array.FindIndex(lines, l => l.EndsWith(" /users/me", StringComparison.Ordinal));
        int byName = Array.FindIndex(lines, l => l.EndsWith(" /users/<name>", StringComparison.Ordinal));
        Assert.True(me > 0 && me < byName);
    }

    [Fact]
    public void Sorted_by_rule_or_methods_the_column_is_in_order()
    {
        var byRule = Listing("rule").Skip(2).Select(l => l[l.LastIndexOf("  ", StringComparison.Ordinal)..].Trim()).ToList();
        Assert.Equal(byRule.Order(StringComparer.Ordinal), byRule);

        var byMethods = RoutesCommand.Select(harness.App.UrlMap, "methods")
            .Select(r => string.Join(",", r.Methods.Where(m => m is not ("HEAD" or "OPTIONS")))).ToList();
        Assert.Equal(byMethods.Order(StringComparer.Ordinal), byMethods);
    }

    [Fact]
    public void All_methods_adds_HEAD_and_OPTIONS_and_a_filter_narrows_by_endpoint_or_rule()
    {
        Assert.Contains(Listing(allMethods: true), l => Regex.IsMatch(l, @"^admin\.hello +GET, HEAD, OPTIONS +/admin/$"));

        var admin = Listing(filter: "ADMIN");
        Assert.NotEmpty(Endpoints(admin));
        Assert.All(admin.Skip(2), l => Assert.Contains("admin", l, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["staff.user"], Endpoints(Listing(filter: "/staff/users/")));
    }
}
