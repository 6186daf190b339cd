namespace Flagon.Runtime.Tests;

/// <summary>Request hooks called by generated code, in Flask's order.</summary>
public class HookTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task After_request_hooks_run_blueprint_first_then_app(Transport transport)
    {
        var hooked = await harness.SendAsync(transport, "GET", "/hooked/ok");
        var plain = await harness.SendAsync(transport, "GET", "/");

        Assert.Equal((200, "ok", "blueprint,app"), (hooked.Status, hooked.Body, hooked.Header("X-Order")));
        Assert.Equal(("index", "app"), (plain.Body, plain.Header("X-Order")));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task A_before_request_answer_stops_the_request(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/hooked/ok?block=1");

        Assert.Equal((200, "blocked by hook", "blueprint,app"), (response.Status, response.Body, response.Header("X-Order")));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Http)]
    public async Task An_after_request_hook_may_replace_the_response(Transport transport)
    {
        var response = await harness.SendAsync(transport, "GET", "/hooked/ok?replace=1");

        Assert.Equal((202, "replaced"), (response.Status, response.Body));
        Assert.Equal("app", response.Header("X-Order"));
    }

    [Fact]
    public async Task Teardown_runs_always_and_gets_the_exception()
    {
        await harness.SendAsync(Transport.InProcess, "GET", "/hooked/ok?t=1");
        var failed = await harness.SendAsync(Transport.InProcess, "GET", "/hooked/fail?t=2");

        Assert.Equal(500, failed.Status);
        Assert.Contains("/hooked/ok?t=1 error=none", HookedBlueprint.Teardowns);
        Assert.Contains("/hooked/fail?t=2 error=hook test failure", HookedBlueprint.Teardowns);
    }
}
