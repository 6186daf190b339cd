using System.Diagnostics;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// SIGTERM (systemctl stop, docker stop) on a Flagon app run as a process: the requests in flight finish, new
/// connections are refused, and the process exits 0; a request longer than the configured shutdown timeout does not
/// hold the process past it.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class ShutdownTests : IAsyncLifetime
{
    private readonly string work = Directory.CreateTempSubdirectory("flagon-shutdown-").FullName;
    private string dll = "";

    private const string Program = """
        using Flagon;

        new App(args).Run();

        static class Views
        {
            [Route("/")]
            public static string Index() => "up";

            [Route("/slow/<int:ms>")]
            public static async Task<string> Slow(int ms)
            {
                await Task.Delay(ms);
                return $"slept {ms}";
            }
        }
        """;

    public async Task InitializeAsync()
    {
        var project = Path.Combine(work, "Drain");
        ConsoleProject.Write(project, "Drain", $"""<Import Project="{Path.Combine(Repository.Root, "Flagon.props")}" />""", Program);
        await DotnetCommand.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-c", "Release");
        dll = Path.Combine(project, "bin", "Release", "net10.0", "Drain.dll");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sigterm_lets_the_request_in_flight_finish_refuses_new_connections_and_exits_0()
    {
        await using var app = await AppProcess.StartAsync(dll);
        using var client = new HttpClient { BaseAddress = app.Url, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal("up", await client.GetStringAsync("/"));

        var inFlight = client.GetAsync("/slow/3000");
        await Task.Delay(500);
        var stopping = Stopwatch.StartNew();
        app.Terminate();
        await Task.Delay(500);
        using var late = new HttpClient { BaseAddress = app.Url };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => late.GetStringAsync("/"));
        using var finished = await inFlight;
        int exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, (refused.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode);
        Assert.Equal((System.Net.HttpStatusCode.OK, "slept 3000"), (finished.StatusCode, await finished.Content.ReadAsStringAsync()));
        Assert.Equal(0, exit);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the process took {stopping.Elapsed} to stop");
    }

    [Fact]
    public async Task A_request_longer_than_the_shutdown_timeout_does_not_hold_the_process()
    {
        await using var app = await AppProcess.StartAsync(dll, null, "--shutdownTimeoutSeconds", "1");
        using var client = new HttpClient { BaseAddress = app.Url, Timeout = TimeSpan.FromSeconds(60) };

        var inFlight = client.GetAsync("/slow/20000");
        await Task.Delay(500);
        var stopping = Stopwatch.StartNew();
        app.Terminate();
        await app.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(8), $"the process took {stopping.Elapsed} to stop with a 1 s timeout");
        await Assert.ThrowsAnyAsync<Exception>(async () => (await inFlight).EnsureSuccessStatusCode());
    }
}
