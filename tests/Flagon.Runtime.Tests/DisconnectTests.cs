using Flagon.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flagon.Runtime.Tests;

/// <summary>A client that leaves in the middle of a streamed response: one information line, no error, and the next request is served.</summary>
public class DisconnectTests
{
    private sealed class StreamApp() : App(["--urls", "http://127.0.0.1:0"], RouteTableRegistry.Tables);

    private static (App App, CapturedLogs Logs) LoggedApp()
    {
        var logs = new CapturedLogs();
        var app = new StreamApp();
        app.Services.AddSingleton<ILoggerProvider>(logs);
        return (app, logs);
    }

    [Fact]
    public async Task A_client_leaving_a_streamed_response_is_an_information_line_not_an_error()
    {
        var (app, logs) = LoggedApp();
        var (web, address) = await OverHttp.StartAsync(app);
        await using var _ = web;

        using (var leaving = new HttpClient { BaseAddress = address })
        {
            using var response = await leaving.GetAsync("/endless", HttpCompletionOption.ResponseHeadersRead);
            var stream = await response.Content.ReadAsStreamAsync();
            Assert.True(await stream.ReadAsync(new byte[1024]) > 0);
        } // the connection closes with the response half read
        using var next = new HttpClient { BaseAddress = address };
        var served = await next.GetStringAsync("/stream/3");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!logs.Entries.Any(e => e.Message.StartsWith("The client went away", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal("1;2;3;", served);
        var flagon = logs.Entries.Where(e => e.Category == app.Name).ToList();
        Assert.Contains(flagon, e => e.Level == LogLevel.Information && e.Message == "The client went away during the response to /endless [GET]");
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_client_leaving_in_the_middle_of_an_upload_disturbs_nothing()
    {
        var (app, logs) = LoggedApp();
        var (web, address) = await OverHttp.StartAsync(app);
        await using var _ = web;

        // Half of a declared multipart body, then the connection closes.
        using (var socket = new System.Net.Sockets.TcpClient())
        {
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            var head = "POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.bin\"\r\n\r\n" + new string('x', 5000);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(200);
        }
        using var next = new HttpClient { BaseAddress = address };
        using var form = new MultipartFormDataContent { { new StringContent("ada"), "name" } };
        using var posted = await next.PostAsync("/form", form);

        Assert.Equal("form name=ada files=0", await posted.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
