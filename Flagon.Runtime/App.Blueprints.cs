using Flagon.Blueprints;
using Flagon.Routing;

namespace Flagon;

public partial class App
{
    private readonly List<BlueprintMount> blueprints = [];
    private BlueprintMount[] mountsByPrefix = [];

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
        name ??= T.Name;
        var prefix = NormalizePrefix(urlPrefix ?? T.UrlPrefix);
        lock (blueprints)
        {
            BlueprintMount? outer = null;
            if (parent is not null)
            {
                outer = blueprints.FirstOrDefault(b => b.Name == parent)
                    ?? throw new ArgumentException($"No blueprint is registered under the name '{parent}' to nest '{name}' in; register the parent first.", nameof(parent));
                name = $"{outer.Name}.{name}";
                prefix = outer.Prefix + prefix;
            }
            if (blueprints.Any(b => b.Name == name))
            {
                throw new ArgumentException(
                    $"The name '{name}' is already registered for a blueprint. Use 'name:' to give this registration a unique name.", nameof(name));
            }
            blueprints.Add(new BlueprintMount(name, T.Name, prefix, T.RouteTable, outer, options, templateFolder));
            // Longest prefix first: a request goes to the most specific mount.
            mountsByPrefix = [.. blueprints.OrderByDescending(b => b.Prefix.Length)];
        }
        return this;
    }

    /// <summary>The blueprints registered so far, by name (Flask's <c>app.blueprints</c>).</summary>
    public IReadOnlyList<string> Blueprints
    {
        get
        {
            lock (blueprints)
            {
                return [.. blueprints.Select(b => b.Name)];
            }
        }
    }

    /// <summary>
    /// Every rule the app serves (Flask's <c>app.url_map</c>), in the order requests try them: each blueprint's
    /// (longest prefix first) with its prefix and endpoint names as mounted, then the app's own.
    /// </summary>
    public UrlMap UrlMap
    {
        get
        {
            var rules = new List<Rule>();
            foreach (var mount in Volatile.Read(ref mountsByPrefix))
            {
                rules.AddRange(mount.Table.Rules.Select(r => r with
                {
                    Endpoint = $"{mount.Name}.{r.Endpoint}",
                    Pattern = mount.Prefix + r.Pattern,
                    Blueprint = mount.Name,
                }));
            }
            rules.AddRange(tables.SelectMany(t => t.Rules).Where(Serves));
            return new UrlMap(rules);
        }
    }

    /// <summary>The mount a blueprint's URLs are built for: the current request's if it is that blueprint, else the first registration.</summary>
    internal BlueprintMount? FindMount(string declaredName)
    {
        if (Contexts.CurrentScope.Blueprint is { } current && current.DeclaredName == declaredName && Contexts.CurrentScope.App == this)
        {
            return current;
        }
        lock (blueprints)
        {
            return blueprints.FirstOrDefault(b => b.Name == declaredName) ?? blueprints.FirstOrDefault(b => b.DeclaredName == declaredName);
        }
    }

    /// <summary>The mount registered under <paramref name="name"/>, or null.</summary>
    internal BlueprintMount? MountNamed(string name)
    {
        lock (blueprints)
        {
            return blueprints.FirstOrDefault(b => b.Name == name);
        }
    }

    private static string NormalizePrefix(string? prefix)
    {
        prefix = (prefix ?? string.Empty).Trim().TrimEnd('/');
        return prefix.Length == 0 || prefix[0] == '/' ? prefix : "/" + prefix;
    }
}
