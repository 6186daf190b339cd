using System.Net;
using System.Net.Http.Headers;
using Flagon.Routing;
using Microsoft.AspNetCore.Builder;

namespace Flagon.Runtime.Tests;

/// <summary>
/// MAX_CONTENT_LENGTH (Flask's limit on a request's body) over real HTTP: a body past it is a 413 whether it declares
/// its length or comes chunked, as a form (multipart or urlencoded) or as raw data; a body within it is read.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private sealed class LimitApp() : App(["--urls", "http://127.0.0.1:0", "--MAX_CONTENT_LENGTH", "1024", "--Logging:LogLevel:Default", "Warning"], RouteTableRegistry.Tables);

    private WebApplication? web;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        (web, var address) = await OverHttp.StartAsync(new LimitApp());
        client = new HttpClient { BaseAddress = address };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await web!.DisposeAsync();
    }

    private static MultipartFormDataContent Multipart(int fileBytes)
    {
        var form = new MultipartFormDataContent { { new StringContent("ada"), "name" } };
        form.Add(new ByteArrayContent(new byte[fileBytes]), "upload", "data.bin");
        return form;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, HttpContent content, bool chunked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
            await content.LoadIntoBufferAsync();
            content.Headers.ContentLength = null;
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_multipart_form_past_the_limit_is_413_and_one_within_it_is_read(bool chunked)
    {
        var over = await PostAsync("/form", Multipart(4096), chunked);
        var within = await PostAsync("/form", Multipart(100), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.Status);
        Assert.Equal((HttpStatusCode.OK, "form name=ada files=1"), within);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_urlencoded_form_or_raw_data_past_the_limit_is_413(bool chunked)
    {
        var form = await PostAsync("/form", new FormUrlEncodedContent([new("name", new string('x', 4096))]), chunked);
        var json = await PostAsync("/json", new StringContent("{\"x\": 1, \"y\": \"" + new string('y', 4096) + "\"}", MediaTypeHeaderValue.Parse("application/json")), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.Status);
    }
}
