namespace Flagon.Runtime.Tests;

/// <summary>A service the test app registers, for views that need one.</summary>
public sealed class Greeter
{
    public string Greet(string name) => $"Hello, {name}!";
}

/// <summary>An instance view class: generated code creates it per request, its constructor fed from the app's services.</summary>
public sealed class GreetingViews(Greeter greeter)
{
    [Route("/greet/<name>")]
    public string Greet(string name) => greeter.Greet(name);

    [Route("/greet-service")]
    public static string FromService(Greeter service) => service.Greet("service");
}
