namespace Flagon.Contexts;

/// <summary>
/// Flask's <c>g</c>: a bag for the current request (or app context), to share values between hooks, views and
/// helpers without passing them around. Gone when the context is popped.
/// </summary>
/// <example>
/// <code>
/// G.Set(new Stopwatch());                 // typed, keyed by its type
/// var watch = G.Get&lt;Stopwatch&gt;();
/// G["user"] = "ada";                      // by name, like g.user
/// </code>
/// </example>
public sealed class ContextGlobals
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    /// <summary>The value stored under <paramref name="name"/>; reading a missing one throws, as <c>g.missing</c> does.</summary>
    public object? this[string name]
    {
        get => values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"g has no value '{name}'.");
        set => values[name] = value;
    }

    /// <summary>Whether a value is stored under <paramref name="name"/> (Flask's <c>'name' in g</c>).</summary>
    public bool Contains(string name) => values.ContainsKey(name);

    /// <summary>Removes the value stored under <paramref name="name"/> (Flask's <c>g.pop</c>); false if there was none.</summary>
    public bool Remove(string name) => values.Remove(name);

    /// <summary>The value stored under <paramref name="name"/> as <typeparamref name="T"/>, or <paramref name="fallback"/>.</summary>
    public T? Get<T>(string name, T? fallback = default) => values.TryGetValue(name, out var value) && value is T typed ? typed : fallback;

    /// <summary>The value of type <typeparamref name="T"/> stored with <see cref="Set{T}(T)"/>; throws if there is none.</summary>
    public T Get<T>() => values.TryGetValue(typeof(T).FullName!, out var value) && value is T typed
        ? typed
        : throw new KeyNotFoundException($"g has no {typeof(T).Name}; store one with G.Set(...) first.");

    /// <summary>Stores <paramref name="value"/> under its type, for <see cref="Get{T}()"/>.</summary>
    public void Set<T>(T value) => values[typeof(T).FullName!] = value;

    /// <summary>The value under <paramref name="name"/>, made by <paramref name="create"/> and stored on first use (Flask's <c>g.setdefault</c>).</summary>
    public T GetOrAdd<T>(string name, Func<T> create)
    {
        if (values.TryGetValue(name, out var value) && value is T typed)
        {
            return typed;
        }
        var made = create();
        values[name] = made;
        return made;
    }
}
