using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>Flask's message flashing: kept in the session until a later request shows them, once.</summary>
// One test flashes outside a request on purpose, to see the run-time error behind FLG0201.
#pragma warning disable FLG0201
public class FlashTests
{
    private sealed class TestedApp() : App([], RouteTableRegistry.Tables);

    [Fact]
    public async Task Flashed_messages_show_once_in_order_with_their_categories()
    {
        using var client = new TestedApp().TestClient();
        await client.Get("/flash/message/saved");
        await client.Get("/flash/error/oops");

        var shown = await client.Get("/flash/show");
        var again = await client.Get("/flash/show");

        Assert.Equal("message:saved;error:oops errors=oops again=2", shown.Text);
        Assert.Equal(" errors= again=0", again.Text);
    }

    [Fact]
    public void Flashing_outside_a_request_says_what_is_missing()
    {
        var error = Assert.Throws<OutsideContextException>(() => Globals.Flash("x"));
        Assert.Contains("request context", error.Message);
        Assert.Throws<OutsideContextException>(() => Globals.GetFlashedMessages());
    }
}
