namespace Flagon.Benchmarks;

/// <summary>The seed's hello app (slide 10) view, served next to the GitHub routes.</summary>
public static class HelloView
{
    /// <summary>Flask's <c>return 'Hello World!'</c>.</summary>
    [Route("/hello")]
    public static string Hello() => "Hello World!";
}
