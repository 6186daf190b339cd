using System.Text;
using Flagon.Tests.Shared;
using Xunit.Abstractions;

namespace Flagon.Runtime.Tests;

/// <summary>
/// Hostile input over real HTTP to the routing conformance app (its converters, parts with several variables, the
/// program's own converters, non-ASCII rules, static files): the hand-written cases of Hostile/requests.txt, each
/// with its documented status, and 10,000 generated ones (seeded) over its paths, sent over raw sockets. Every
/// request is answered, none with a 5xx, and the app serves normally after.
/// </summary>
public class ConformanceHostileTests(RouteHarness harness, ITestOutputHelper output) : IClassFixture<RouteHarness>
{
    private static readonly string[] Bases =
    [
        "/", "/page/", "/users/", "/files/", "/items/", "/color/", "/month/", "/report/", "/span/", "/dl/", "/tree/", "/v1.",
        "/day/", "/posts/", "/code/", "/between/", "/static/", "/secret/", "/café/", "/float/", "/signed/", "/admin/", "/nope/",
    ];

    [Fact]
    public async Task Each_hand_written_case_gets_its_documented_status()
    {
        var cases = HostileRequests.ReadCases(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "requests.txt")));
        Assert.True(cases.Count >= 35, $"{cases.Count} cases");

        var wrong = new List<string>();
        foreach (var c in cases)
        {
            int status = await HostileRequests.SendAsync(harness.BaseAddress!, c.Request);
            output.WriteLine($"{status} {c.Name}");
            if (!c.Accepts(status))
            {
                wrong.Add($"{c.Name}: expected {c.Expect}, got {status}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(200, await HostileRequests.SendAsync(harness.BaseAddress!, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
    }

    [Fact]
    public async Task Ten_thousand_generated_cases_are_all_answered_and_none_with_a_5xx()
    {
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        foreach (var request in HostileRequests.Generated(10_000, Bases))
        {
            int status = await HostileRequests.SendAsync(harness.BaseAddress!, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500 && failures.Count < 20)
            {
                failures.Add($"{status}: {HostileRequests.Printable(request)}");
            }
        }
        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(10_000, statuses.Values.Sum());
        Assert.True(statuses.GetValueOrDefault(200) > 500, "too few requests reached a view to test the views");
    }
}
