using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon;

public partial class App
{

    /// <summary>
    /// Registers a blueprint (Flask's <c>app.register_blueprint</c>): its views answer under
    /// <paramref name="urlPrefix"/> and its endpoints are named <c>name.view</c>. The same blueprint may be
    /// registered twice under two names, as in Flask 2.
    /// </summary>
    /// <typeparam name="T">A <see cref="BlueprintAttribute"/> class.</typeparam>
    /// <param name="urlPrefix">Where to mount it; the attribute's UrlPrefix (or the root) when null.</param>
    /// <param name="name">The name to register it under; the attribute's name when null.</param>
    /// <param name="parent">
    /// Nests it in a blueprint registered before under this name (Flask 2's <c>parent.register_blueprint(child)</c>):
    /// its prefix follows the parent's and its endpoints are named <c>parent.child.view</c>.
    /// </param>
    /// <param name="options">
    /// Options for this registration, which its views read with <c>CurrentBlueprint.Options&lt;TOptions&gt;()</c>:
    /// Flask's blueprint factory (<c>create_blueprint(app)</c>), one blueprint set up differently per app.
    /// </param>
    /// <param name="templateFolder">
    /// The blueprint's own template folder (Flask's <c>template_folder</c>), relative to the content root or the
    /// program's folder: searched after the app's, in registration order.
    /// </param>
    /// <returns>This app, to chain registrations.</returns>
    /// <exception cref="ArgumentException">The name is already registered, or the parent is not.</exception>
    public App RegisterBlueprint<T>(string? urlPrefix = null, string? name = null, string? parent = null, object? options = null, string? templateFolder = null)
        where T : IBlueprint
    {
        CheckSetup();
        name ??= T.Name;
        var prefix = NormalizePrefix(urlPrefix ?? T.UrlPrefix);
        BlueprintMount? outer = null;
        if (parent is not null)
        {
            outer = router.MountNamed(parent)
                ?? throw new ArgumentException($"No blueprint is registered under the name '{parent}' to nest '{name}' in; register the parent first.", nameof(parent));
            name = $"{outer.Name}.{name}";
            prefix = outer.Prefix + prefix;
        }
        router.Mount(new BlueprintMount(name, T.Name, prefix, T.RouteTable, outer, options, templateFolder));
        return this;
    }

    /// <summary>The blueprints registered so far, by name (Flask's <c>app.blueprints</c>).</summary>
    public IReadOnlyList<string> Blueprints => [.. router.Blueprints.Select(b => b.Name)];

    /// <summary>
    /// Every rule the app serves (Flask's <c>app.url_map</c>), in the order requests try them: each blueprint's
    /// (longest prefix first) with its prefix and endpoint names as mounted, then the app's own.
    /// </summary>
    public UrlMap UrlMap => new(router.Rules());

    /// <summary>
    /// Serves the app-level views of these classes only (by default an app serves every class's): the others' rules
    /// are neither matched, built by <c>Url.For</c>, listed by <c>routes</c>, nor endpoints. Blueprints are chosen with
    /// <see cref="RegisterBlueprint{T}"/>; rules added with <c>AddUrlRule</c> are always served. Calls add up. Flask's
    /// app factory registers the routes each app serves; this is its counterpart for views compiled into one program.
    /// </summary>
    /// <example>
    /// <code>
    /// static App CreateApp(string name) => name == "backend"
    ///     ? new App(["--applicationName", name]).ServeViews(typeof(BackendViews))
    ///     : new App(["--applicationName", name]).ServeViews(typeof(FrontendViews), typeof(SharedViews));
    /// </code>
    /// </example>
    /// <param name="viewClasses">Classes that declare app-level <c>[Route]</c> views.</param>
    /// <exception cref="ArgumentException">A class declares no app-level view of this program.</exception>
    public App ServeViews(params Type[] viewClasses)
    {
        ArgumentNullException.ThrowIfNull(viewClasses);
        router.ServeViews(viewClasses.Select(type =>
            (type?.FullName ?? throw new ArgumentException("A view class is null.", nameof(viewClasses))).Replace('+', '.')).ToList());
        return this;
    }

    /// <summary>The mount a blueprint's URLs are built for: the current request's if it is that blueprint, else the first registration.</summary>
    internal BlueprintMount? FindMount(string declaredName) =>
        router.FindMount(declaredName, Contexts.CurrentScope.App == this ? Contexts.CurrentScope.Blueprint : null);

    private static string NormalizePrefix(string? prefix)
    {
        prefix = (prefix ?? string.Empty).Trim().TrimEnd('/');
        return prefix.Length == 0 || prefix[0] == '/' ? prefix : "/" + prefix;
    }
}
