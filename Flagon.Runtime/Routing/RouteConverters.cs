using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Flagon.Generators.Shared;

namespace Flagon.Routing;

/// <summary>
/// The converters of your own that the program declares (<see cref="RouteConverterAttribute"/>), by name: the
/// generator registers them when the program starts, so that rules added at run time can name them too.
/// </summary>
public static class RouteConverters
{
    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="type"/> under <paramref name="name"/>; called by generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(string name, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type)
    {
        lock (Types)
        {
            Types[name] = type;
        }
    }

    /// <summary>The names of the registered converters.</summary>
    public static IReadOnlyCollection<string> Names
    {
        get
        {
            lock (Types)
            {
                return [.. Types.Keys];
            }
        }
    }

    /// <summary>
    /// A converter named in a rule added at run time, made with the rule's arguments (by position, or by constructor
    /// parameter name); null when no converter has that name.
    /// </summary>
    /// <exception cref="ArgumentException">The arguments do not fit the converter's constructors (why, in the message).</exception>
    [RequiresUnreferencedCode("Creates the converter through its constructor found by reflection.")]
    internal static IRouteConverter? Create(string name, string arguments)
    {
        Type? type;
        lock (Types)
        {
            Types.TryGetValue(name, out type);
        }
        if (type is null)
        {
            return null;
        }
        var args = ConverterArguments.Parse(arguments, out var error) ?? throw new ArgumentException(error);
        foreach (var constructor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            var values = new object?[parameters.Length];
            var given = new bool[parameters.Length];
            bool fits = args.Count <= parameters.Length;
            for (int i = 0; fits && i < args.Count; i++)
            {
                int index = args[i].Name is { } key ? Array.FindIndex(parameters, p => p.Name == key) : i;
                fits = index >= 0 && !given[index] && TryLiteral(args[i].Value, parameters[index].ParameterType, out values[index]);
                if (fits)
                {
                    given[index] = true;
                }
            }
            for (int i = 0; fits && i < parameters.Length; i++)
            {
                if (!given[i])
                {
                    fits = parameters[i].HasDefaultValue;
                    values[i] = parameters[i].DefaultValue;
                }
            }
            if (fits)
            {
                return (IRouteConverter)constructor.Invoke(values);
            }
        }
        throw new ArgumentException($"no constructor of {type.Name} takes ({arguments})");
    }

    // A Python literal as a constructor argument: numbers, True/False, strings (quoted or bare).
    private static bool TryLiteral(string text, Type type, out object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        (bool ok, value) = Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) switch
        {
            TypeCode.Int32 => (int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var i), (object)i),
            TypeCode.Int64 => (long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var l), l),
            TypeCode.Double => (double.TryParse(text, NumberStyles.Float, invariant, out var d), d),
            TypeCode.Boolean => (text is "True" or "False" or "true" or "false", text is "True" or "true"),
            TypeCode.String => (true, text),
            _ => (false, null),
        };
        return ok;
    }
}
