using Flagon.Cli;

namespace Flagon.Runtime.Tests;

public class RoutesListingTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Fact]
    public void The_listing_shows_rules_in_match_order_with_blueprints_as_mounted()
    {
        var lines = RoutesCommand.Format(harness.App.UrlMap).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Matches(@"^Priority +Endpoint +Methods +Rule$", lines[0]);
        // The longest prefix is tried first: the nested blueprint, then admin and staff, then the app.
        Assert.Matches(@"^1 +admin\.reports\.year +GET +/admin/reports/<int:year>$", lines[2]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ +admin\.hello +GET +/admin/$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ +staff\.user +GET +/staff/users/<int:id>$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ +replace_resource +DELETE, PUT +/resource$"));
        int me = Array.FindIndex(lines, l => l.Contains(" /users/me"));
        int byName = Array.FindIndex(lines, l => l.Contains(" /users/<name>"));
        Assert.True(me < byName);
    }
}
