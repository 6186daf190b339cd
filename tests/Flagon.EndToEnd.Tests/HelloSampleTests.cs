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

/// <summary>`dotnet run -- routes` prints the url map, like `flask routes`, instead of serving.</summary>
public class RoutesCommandTests
{
    [Fact]
    public async Task The_routes_command_lists_the_Hello_samples_url_map()
    {
        var dll = Repository.SampleDll("Hello");

        var output = await DotnetCommand.RunAsync(Path.GetDirectoryName(dll)!, TimeSpan.FromMinutes(1), dll, "routes");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Priority  Endpoint  Methods  Rule", lines[0].TrimEnd());
        Assert.Equal("1         hello     GET      /", lines[2].TrimEnd());
        Assert.DoesNotContain("Running on", output);
    }
}
