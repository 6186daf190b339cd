using Flagon.Routing;
using Flagon.Shell;
using Microsoft.Extensions.DependencyInjection;

namespace Flagon.Shell.Tests;

/// <summary>A scoped service: one per shell session.</summary>
public sealed class Counter
{
    private int count;

    public int Next() => ++count;
}

public static class ShellViews
{
    [Route("/")]
    public static string Index() => "home";

    [Route("/page/<int:pk>")]
    public static string Page(int pk) => $"page {pk}";
}

/// <summary>The app the tests open a shell on.</summary>
public sealed class ShellApp : App
{
    public ShellApp() : base(["--applicationName", "shell-app", "--Logging:LogLevel:Default", "Warning"], RouteTableRegistry.Tables)
    {
        Services.AddScoped<Counter>();
        this.AddShell();
    }
}
