// Raw Kestrel: no routing, no middleware, one terminal delegate that compares the path and writes the bytes. Its
// /template writes the rendered page as it is (it renders nothing): the most any framework on Kestrel can reach.
using System.Text;
using Flagon.HttpBenchmarks;

var builder = WebApplication.CreateSlimBuilder(args);
var web = builder.Build();

byte[] hello = Encoding.UTF8.GetBytes(SeedPages.Hello);
byte[] page = Encoding.UTF8.GetBytes(RenderedPage());

web.Run(context =>
{
    var response = context.Response;
    switch (context.Request.Path.Value)
    {
        case "/":
            response.ContentType = SeedPages.TextPlain;
            response.ContentLength = hello.Length;
            return response.Body.WriteAsync(hello).AsTask();
        case "/environ":
            var environ = Encoding.UTF8.GetBytes(SeedPages.Environ(WsgiEnviron.Of(context)));
            response.ContentType = SeedPages.TextPlain;
            response.ContentLength = environ.Length;
            return response.Body.WriteAsync(environ).AsTask();
        case "/template":
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = page.Length;
            return response.Body.WriteAsync(page).AsTask();
        default:
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
    }
});
web.Run();

// The page template.html renders, written out by hand (the benchmark's body check compares it with the others).
static string RenderedPage()
{
    var page = new StringBuilder();
    page.Append("<!doctype html>\n<html>\n<head><title>").Append(Escape(SeedPages.Title)).Append("</title></head>\n<body>\n<h1>")
        .Append(Escape(SeedPages.Title)).Append("</h1>\n<ul>\n");
    foreach (var item in SeedPages.Items)
    {
        page.Append("<li>").Append(Escape(item)).Append("</li>\n");
    }
    return page.Append("</ul>\n</body>\n</html>").ToString();

    static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
