using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>
/// The generated matcher allocates nothing: no substrings, no boxing, no dictionaries, whatever the outcome.
/// A regression here shows as bytes counted on this thread around a warmed match.
/// </summary>
public class MatchAllocationTests
{
    private static readonly RouteTable Table = RouteTableRegistry.Tables.Single();

    [Theory]
    [InlineData("GET", "/", MatchStatus.Matched)]
    [InlineData("GET", "/users/me", MatchStatus.Matched)]
    [InlineData("GET", "/users/42", MatchStatus.Matched)]
    [InlineData("GET", "/users/bob", MatchStatus.Matched)]
    [InlineData("GET", "/files/a/b/c/edit", MatchStatus.Matched)]
    [InlineData("GET", "/items/0f8fad5b-d9cb-469f-a165-70867728950e", MatchStatus.Matched)]
    [InlineData("GET", "/color/blue", MatchStatus.Matched)]
    [InlineData("GET", "/float/1.25", MatchStatus.Matched)]
    [InlineData("GET", "/export/report.json", MatchStatus.Matched)]
    [InlineData("GET", "/month/2024-05", MatchStatus.Matched)]
    [InlineData("GET", "/report/a.b.json", MatchStatus.Matched)]
    [InlineData("GET", "/dl/a/b/c.txt", MatchStatus.Matched)]
    [InlineData("GET", "/tree/a/b", MatchStatus.RedirectWithSlash)]
    [InlineData("GET", "/page/99999999999999999999", MatchStatus.NotFound)]
    [InlineData("GET", "/nothing/here/at/all", MatchStatus.NotFound)]
    [InlineData("GET", "/resource", MatchStatus.MethodNotAllowed)]
    [InlineData("GET", "/docs", MatchStatus.RedirectWithSlash)]
    public void Matching_allocates_nothing(string method, string path, MatchStatus expected)
    {
        var warm = Table.Match(path, method);
        Assert.Equal(expected, warm.Status);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Table.Match(path, method);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
