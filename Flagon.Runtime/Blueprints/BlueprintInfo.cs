using Flagon.Blueprints;

namespace Flagon;

/// <summary>The blueprint registration handling the current request (Flask's <c>request.blueprint</c>, and more).</summary>
public sealed class BlueprintInfo
{
    private readonly BlueprintMount mount;

    internal BlueprintInfo(BlueprintMount mount) => this.mount = mount;

    /// <summary>The name it was registered under: <c>admin</c>, <c>admin.reports</c>.</summary>
    public string Name => mount.Name;

    /// <summary>Where it is mounted: <c>/admin</c>.</summary>
    public string UrlPrefix => mount.Prefix;

    /// <summary>The options this registration was given, as <typeparamref name="TOptions"/>.</summary>
    /// <exception cref="InvalidOperationException">The registration was given no options of that type.</exception>
    public TOptions Options<TOptions>() => mount.Options is TOptions options
        ? options
        : throw new InvalidOperationException($"The blueprint '{Name}' was registered without options of type {typeof(TOptions).Name}: pass them to RegisterBlueprint(options: ...).");
}
