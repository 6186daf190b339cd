namespace Flagon.Benchmarks;

/// <summary>The seed's hello app (slide 10) view, served next to the GitHub routes.</summary>
public static class HelloView
{
    /// <summary>Flask's <c>return 'Hello World!'</c>.</summary>
    [Route("/hello")]
    public static string Hello() => "Hello World!";

    /// <summary>Flask's <c>return Response('Hello World!', mimetype='text/plain')</c>: an explicit response object.</summary>
    [Route("/hello-response")]
    public static Response HelloResponse() => new("Hello World!", mimetype: "text/plain");
}
