namespace Flagon.Benchmarks;

/// <summary>The Hello view behind an after-request hook: the response is made as an object the hook can change.</summary>
[Blueprint("hooked", UrlPrefix = "/hooked")]
public partial class HookedHello
{
    [Route("/hello")]
    public static string Hello() => "Hello World!";

    [AfterRequest]
    public static Response Stamp(Response response)
    {
        response.Headers["X-Hooked"] = "1";
        return response;
    }
}
