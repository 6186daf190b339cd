// Raw Kestrel: no routing, no middleware, one terminal delegate that compares the path and writes the bytes. Its
// /template writes the rendered page as it is (it renders nothing): the most any framework on Kestrel can reach.
using System.Text;
using Flagon.HttpBenchmarks;

var builder = WebApplication.CreateSlimBuilder(args);
var web = builder.Build();

byte[] hello = Encoding.UTF8.GetBytes(SeedPages.Hello);
byte[] page = Encoding.UTF8.GetBytes(SeedPages.RenderedTemplate());

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
