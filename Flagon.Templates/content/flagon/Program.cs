using Flagon;

var app = new App(args);
app.Run();

static partial class Views
{
    [Route("/")]
    public static string Hello() => "Hello, world!";
}
