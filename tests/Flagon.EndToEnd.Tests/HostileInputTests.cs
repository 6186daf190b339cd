using System.Text;
using Flagon.Tests.Shared;
using Xunit.Abstractions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// Hostile input over real HTTP, to the real-world sample run as a process: the hand-written cases of
/// Hostile/requests.txt (each with its documented status) and 10,000 generated ones (seeded, so every run sends the
/// same), sent over raw sockets so that what a client library refuses to send is sent. Every request is answered,
/// none with a 5xx, and the server serves normally after.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private AppProcess? app;

    public async Task InitializeAsync()
    {
        var instance = Flagon.Tests.Shared.TemporaryFolders.Create("realworld-hostile-").FullName;
        app = await AppProcess.StartAsync(Repository.SampleDll("RealWorld"), null, "--INSTANCE_PATH", instance, "--Logging:LogLevel:Default", "Warning");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_hand_written_case_gets_its_documented_status()
    {
        var cases = HostileRequests.ReadCases(File.ReadAllText(Path.Combine(Repository.Root, "tests", "Flagon.EndToEnd.Tests", "Hostile", "requests.txt")));
        Assert.True(cases.Count >= 40, $"{cases.Count} cases");

        var wrong = new List<string>();
        foreach (var c in cases)
        {
            int status = await SendAsync(c.Request);
            bool ok = c.Accepts(status);
            output.WriteLine($"{status} {c.Name}");
            if (!ok)
            {
                wrong.Add($"{c.Name}: expected {c.Expect}, got {status}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(200, await SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        Assert.DoesNotContain("fail:", app!.Output);
        Assert.DoesNotContain("crit:", app.Output);
    }

    [Fact]
    public async Task Ten_thousand_generated_cases_are_all_answered_and_none_with_a_5xx()
    {
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        foreach (var request in HostileRequests.Generated(10_000, HostileRequests.RealWorldBases))
        {
            int status = await SendAsync(request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500 && failures.Count < 20)
            {
                failures.Add($"{status}: {HostileRequests.Printable(request)}");
            }
        }
        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(10_000, statuses.Values.Sum());
        Assert.Equal(200, await SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        Assert.DoesNotContain("fail:", app!.Output);
        Assert.DoesNotContain("crit:", app.Output);
    }

    private Task<int> SendAsync(byte[] request) => HostileRequests.SendAsync(app!.Url, request);
}
