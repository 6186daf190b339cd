namespace Flagon;

/// <summary>
/// Makes a class a blueprint (Flask's <c>Blueprint(name, __name__)</c>): its [Route] views are compiled into a
/// route table of their own, mounted at run time with <see cref="App.RegisterBlueprint{T}"/> under a URL prefix.
/// Endpoints are named <c>name.view</c>. The class must be a top-level, non-static <c>partial</c> class: the
/// generator adds the <see cref="IBlueprint"/> implementation to it.
/// </summary>
/// <example>
/// <code>
/// [Blueprint("admin", UrlPrefix = "/admin")]
/// partial class Admin
/// {
///     [Route("/")] public static string Hello() => "Hello from blueprint!";
/// }
///
/// app.RegisterBlueprint&lt;Admin&gt;();          // /admin/ ; UrlFor.Admin.Hello() == "/admin/"
/// </code>
/// </example>
/// <param name="name">The blueprint's name: the prefix of its endpoint names.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BlueprintAttribute(string name) : Attribute
{
    /// <summary>The blueprint's name.</summary>
    public string Name { get; } = name;

    /// <summary>The URL prefix used when <see cref="App.RegisterBlueprint{T}"/> is not given one.</summary>
    public string? UrlPrefix { get; set; }
}
