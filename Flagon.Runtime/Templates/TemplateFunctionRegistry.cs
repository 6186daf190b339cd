using System.ComponentModel;
using System.Globalization;

namespace Flagon.Templates;

/// <summary>
/// The [TemplateFilter] and [ContextProcessor] methods of the program, registered by generated code when it loads
/// (no reflection), by the blueprint they are declared in (null for the app's).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateFunctionRegistry
{
    private static readonly List<(string? Blueprint, string Name, Func<object?, object?[], object?> Filter)> Filters = [];
    private static readonly List<(string? Blueprint, Func<IEnumerable<KeyValuePair<string, object?>>> Processor)> Processors = [];

    // The processors that apply to each blueprint ("" for the app's own views), made once and read by every render;
    // cleared when one is registered (generated code registers them as the program loads).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<IEnumerable<KeyValuePair<string, object?>>>[]> ProcessorsByBlueprint = new(StringComparer.Ordinal);

    /// <summary>Registers a filter declared in <paramref name="blueprint"/> (null: the app's).</summary>
    public static void AddFilter(string? blueprint, string name, Func<object?, object?[], object?> filter)
    {
        lock (Filters)
        {
            Filters.Add((blueprint, name, filter));
        }
    }

    /// <summary>Registers a context processor declared in <paramref name="blueprint"/> (null: the app's).</summary>
    public static void AddContextProcessor(string? blueprint, Func<IEnumerable<KeyValuePair<string, object?>>> processor)
    {
        lock (Processors)
        {
            Processors.Add((blueprint, processor));
            ProcessorsByBlueprint.Clear();
        }
    }

    /// <summary>Converts a template value to a filter's parameter type.</summary>
    /// <exception cref="ArgumentException">The value cannot be one of that type; the message says which.</exception>
    public static T? Argument<T>(object? value, string filter)
    {
        if (value is T typed)
        {
            return typed;
        }
        object? converted = typeof(T) == typeof(string) ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : value is null ? null
            : typeof(T) == typeof(int) || typeof(T) == typeof(int?) ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : typeof(T) == typeof(long) || typeof(T) == typeof(long?) ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : typeof(T) == typeof(double) || typeof(T) == typeof(double?) ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?) ? Convert.ToDecimal(value, CultureInfo.InvariantCulture)
            : typeof(T) == typeof(bool) || typeof(T) == typeof(bool?) ? Convert.ToBoolean(value, CultureInfo.InvariantCulture)
            : throw new ArgumentException($"The template filter '{filter}' takes a {typeof(T).Name}, not '{value}'.");
        return (T?)converted;
    }

    internal static IEnumerable<(string Name, Func<object?, object?[], object?> Filter)> AllFilters()
    {
        lock (Filters)
        {
            return [.. Filters.Select(f => (f.Name, f.Filter))];
        }
    }

    internal static Func<IEnumerable<KeyValuePair<string, object?>>>[] ProcessorsFor(string? blueprint) =>
        ProcessorsByBlueprint.GetOrAdd(blueprint ?? string.Empty, static key =>
        {
            lock (Processors)
            {
                return [.. Processors.Where(p => p.Blueprint is null || p.Blueprint == key).Select(p => p.Processor)];
            }
        });
}
