namespace Flagon.HttpBenchmarks;

/// <summary>One server in the table: how it is built and started, and whether it runs on .NET (measured every round).</summary>
/// <param name="Name">Its column in the table.</param>
/// <param name="Key">Its name on the command line.</param>
/// <param name="IsDotNet">A .NET server: built in Release, warmed up, measured side by side with the others in rounds.</param>
/// <param name="Server">What serves it, for the table's notes.</param>
public sealed record Framework(string Name, string Key, bool IsDotNet, string Server)
{
    /// <summary>The .NET project under <c>benchmarks/http/servers/</c>, or the Python module under <c>benchmarks/http/python/</c>.</summary>
    public required string Project { get; init; }

    /// <summary>The Python module that must import for the framework to run (null for .NET servers).</summary>
    public string? PythonModule { get; init; }

    /// <summary>Every framework the script knows, in the table's column order.</summary>
    public static IReadOnlyList<Framework> All { get; } =
    [
        new("Flagon", "flagon", true, "Kestrel") { Project = "FlagonServer" },
        new("Minimal APIs", "minimal", true, "Kestrel") { Project = "MinimalApiServer" },
        new("raw Kestrel", "kestrel", true, "Kestrel") { Project = "KestrelServer" },
        new("Flask", "flask", false, "gunicorn") { Project = "flask_app", PythonModule = "flask" },
        new("Bottle", "bottle", false, "gunicorn") { Project = "bottle_app", PythonModule = "bottle" },
        new("Django", "django", false, "gunicorn") { Project = "django_app", PythonModule = "django" },
        new("Pyramid", "pyramid", false, "gunicorn") { Project = "pyramid_app", PythonModule = "pyramid" },
        new("Tornado", "tornado", false, "tornado") { Project = "tornado_app", PythonModule = "tornado" },
    ];
}
