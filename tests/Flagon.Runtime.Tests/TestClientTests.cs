using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>Flask's test client: the app served in memory through the whole pipeline, cookies kept.</summary>
public class TestClientTests
{
    private sealed class TestedApp() : App([], RouteTableRegistry.Tables);

    [Fact]
    public async Task The_test_client_serves_the_app_in_memory_and_keeps_the_session()
    {
        var app = new TestedApp();
        using var client = app.TestClient();

        Assert.Equal("page pk=5", await client.GetStringAsync("/page/5"));
        Assert.Equal("visits=1", await client.GetStringAsync("/session/visit"));
        Assert.Equal("visits=2", await client.GetStringAsync("/session/visit"));
        using var missing = await client.GetAsync("/nope");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void The_test_client_must_come_before_the_app_is_built()
    {
        var app = new TestedApp();
        using var web = app.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.TestClient());

        Assert.Contains("before the app is built", error.Message);
    }
}
