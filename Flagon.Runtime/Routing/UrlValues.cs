using System.ComponentModel;
using System.Globalization;

namespace Flagon.Routing;

/// <summary>
/// The values given to <see cref="Url.For(string, IReadOnlyDictionary{string, object?}?, string?, bool)"/>, read
/// by the generated table with the types of the endpoint's typed <c>UrlFor</c> method; values no rule uses become
/// the query string, as in Flask.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UrlValues(string endpoint, IReadOnlyDictionary<string, object?> values)
{
    /// <summary>A required value, converted to <typeparamref name="T"/>.</summary>
    public T Required<T>(string name)
    {
        if (!values.TryGetValue(name, out var value) || value is null)
        {
            throw new UrlBuildException(endpoint, $"missing value for '{name}'.");
        }
        return Convert<T>(name, value);
    }

    /// <summary>An optional value type, converted to <typeparamref name="T"/>, or null when not given.</summary>
    public T? Optional<T>(string name)
        where T : struct =>
        values.TryGetValue(name, out var value) && value is not null ? Convert<T>(name, value) : null;

    /// <summary>A required enum value: the enum itself, or its member name in any case.</summary>
    public T RequiredEnum<T>(string name)
        where T : struct, Enum =>
        OptionalEnum<T>(name) ?? throw new UrlBuildException(endpoint, $"missing value for '{name}'.");

    /// <summary>An optional enum value, or null when not given.</summary>
    public T? OptionalEnum<T>(string name)
        where T : struct, Enum
    {
        if (!values.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }
        if (value is T typed)
        {
            return typed;
        }
        if (value is string text && !int.TryParse(text, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var parsed))
        {
            return parsed;
        }
        throw new UrlBuildException(endpoint, $"'{name}' must be a {typeof(T).Name}, not '{value}'.");
    }

    /// <summary>A required value of a converter of your own: the value itself, or its text as the converter reads it.</summary>
    public T Custom<T>(string name, RouteConverter<T> converter) => (T)Custom(name, (IRouteConverter)converter);

    /// <summary>As <see cref="Custom{T}"/>, for a converter whose value type is known only at run time.</summary>
    internal object Custom(string name, IRouteConverter converter)
    {
        if (!values.TryGetValue(name, out var value) || value is null)
        {
            throw new UrlBuildException(endpoint, $"missing value for '{name}'.");
        }
        if (converter.ValueType.IsInstanceOfType(value))
        {
            return value;
        }
        if (value is string text && converter.Parse(text) is { } parsed)
        {
            return parsed;
        }
        throw new UrlBuildException(endpoint, $"'{name}' must be a {converter.ValueType.Name}, not '{value}'.");
    }

    /// <summary>The value given for <paramref name="name"/>, or null.</summary>
    internal object? Given(string name) => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>An optional string, or null when not given.</summary>
    public string? OptionalString(string name) =>
        values.TryGetValue(name, out var value) && value is not null ? Convert<string>(name, value) : null;

    /// <summary>
    /// The values not named in <paramref name="used"/>, as query values; null when there are none. A list (any
    /// enumerable but a string) is one key repeated per item, as Werkzeug writes a MultiDict's list:
    /// <c>tag = ["a", "b"]</c> is <c>?tag=a&amp;tag=b</c>; its null items are left out.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>>? Query(params string[] used)
    {
        List<KeyValuePair<string, string?>>? rest = null;
        foreach (var (key, value) in values)
        {
            if (Array.IndexOf(used, key) >= 0 || value is null)
            {
                continue;
            }
            if (value is System.Collections.IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        (rest ??= []).Add(new(key, Format(item)));
                    }
                }
                continue;
            }
            (rest ??= []).Add(new(key, Format(value)));
        }
        return rest;
    }

    /// <summary>A value as text, as a query string writes it.</summary>
    internal static string? Format(object value) => value switch
    {
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => value.ToString(),
    };

    private T Convert<T>(string name, object value)
    {
        if (value is T typed)
        {
            return typed;
        }
        try
        {
            object? converted = typeof(T) == typeof(string) ? Format(value)
                : typeof(T) == typeof(int) ? System.Convert.ToInt32(value, CultureInfo.InvariantCulture)
                : typeof(T) == typeof(long) ? System.Convert.ToInt64(value, CultureInfo.InvariantCulture)
                : typeof(T) == typeof(double) ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture)
                : typeof(T) == typeof(float) ? System.Convert.ToSingle(value, CultureInfo.InvariantCulture)
                : typeof(T) == typeof(Guid) ? (value is string s ? Guid.Parse(s, CultureInfo.InvariantCulture) : null)
                : null;
            if (converted is T result)
            {
                return result;
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            // Reported below with the endpoint and the value.
        }
        throw new UrlBuildException(endpoint, $"'{name}' must be a {typeof(T).Name}, not '{value}'.");
    }
}
