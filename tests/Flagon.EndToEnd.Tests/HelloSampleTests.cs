namespace Flagon.EndToEnd.Tests;

/// <summary>The Hello sample (the seed's app.py) served by Kestrel on a free loopback port, over real HTTP.</summary>
public class HelloSampleTests
{
    [Fact]
    public async Task GET_root_answers_Hello_world_as_text()
    {
        await using var app = await AppProcess.StartAsync(Repository.SampleDll("Hello"));
        using var client = new HttpClient { BaseAddress = app.Url };

        using var response = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("text/", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task It_listens_on_loopback_and_answers_404_elsewhere()
    {
        await using var app = await AppProcess.StartAsync(Repository.SampleDll("Hello"));
        using var client = new HttpClient { BaseAddress = app.Url };

        using var response = await client.GetAsync("/missing");

        Assert.Equal("127.0.0.1", app.Url.Host);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not Found", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The Hello sample's command line: `routes` prints the url map, like `flask routes`; `run` serves, like `flask run`.</summary>
public class RoutesCommandTests
{
    [Fact]
    public async Task The_routes_command_lists_the_Hello_samples_url_map()
    {
        var dll = Repository.SampleDll("Hello");

        var output = await DotnetCommand.RunAsync(Path.GetDirectoryName(dll)!, TimeSpan.FromMinutes(1), dll, "routes");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Endpoint  Methods  Rule", lines[0].TrimEnd());
        Assert.Equal("hello     GET      /", lines[2].TrimEnd());
        Assert.DoesNotContain("Running on", output);
    }

    [Fact]
    public async Task The_run_command_serves_on_the_port_it_is_given_in_debug_mode()
    {
        await using var app = await AppProcess.StartAsync(Repository.SampleDll("Hello"), null, "run", "--port", "0", "--debug");
        using var client = new HttpClient { BaseAddress = app.Url };

        Assert.Equal("Hello, world!", await client.GetStringAsync("/"));
        Assert.Equal("127.0.0.1", app.Url.Host);
        Assert.Contains(" * Debug mode: on", app.Output);
    }

    [Fact]
    public async Task The_run_command_refuses_debug_mode_beyond_loopback_unless_forced()
    {
        var dll = Repository.SampleDll("Hello");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            DotnetCommand.RunAsync(Path.GetDirectoryName(dll)!, TimeSpan.FromMinutes(1), dll, "run", "--host", "0.0.0.0", "--port", "0", "--debug"));
        Assert.Contains("exited with 1", refused.Message);
        Assert.Contains("refusing to serve debug mode on 0.0.0.0", refused.Message);
        Assert.DoesNotContain("Running on", refused.Message);

        await using var forced = await AppProcess.StartAsync(dll, null, "run", "--host", "0.0.0.0", "--port", "0", "--debug", "--force-debug");
        Assert.Contains("WARNING: debug mode is on and served on 0.0.0.0", await forced.WaitForOutputAsync("WARNING:"));
    }
}
