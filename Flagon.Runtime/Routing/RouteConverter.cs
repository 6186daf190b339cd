using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flagon.Routing;

/// <summary>
/// A URL converter of your own, Werkzeug's <c>BaseConverter</c>: the text it matches in a path part
/// (<see cref="Regex"/>, <see cref="TryParse"/>, Werkzeug's <c>regex</c> and <c>to_python</c>) and how a value is
/// written back into a URL (<see cref="ToUrl"/>, <c>to_url</c>). Declare it with <see cref="RouteConverterAttribute"/>;
/// a rule's arguments (<c>&lt;slug(40):title&gt;</c>, <c>&lt;slug(max=40):title&gt;</c>) are passed to its constructor,
/// by position or by parameter name, as Python literals. One instance is made per rule, once.
/// </summary>
/// <typeparam name="T">The value a view receives: the type of the parameter the variable binds to.</typeparam>
public abstract class RouteConverter<T> : IRouteConverter
{
    private Regex? anchored;

    /// <summary>
    /// What the converter matches, as a .NET regular expression without anchors (Werkzeug's <c>regex</c>); <c>[^/]+</c>
    /// unless overridden. Used to split a part with several variables (<c>/&lt;slug:a&gt;-&lt;int:b&gt;</c>) and
    /// shown as the parameter's <c>pattern</c> in the OpenAPI document. It may not match a <c>/</c>.
    /// </summary>
    public virtual string Regex => "[^/]+";

    /// <summary>
    /// Werkzeug's <c>to_python</c>: the value of <paramref name="text"/> (a whole path part, or the text between the
    /// rule's static text), or false when it is not one, and the rule does not match. Called while matching:
    /// return false rather than throw.
    /// </summary>
    public abstract bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value);

    /// <summary>
    /// Werkzeug's <c>to_url</c>: the text of <paramref name="value"/> in a URL, before percent-encoding (Flagon encodes
    /// it). <see cref="IFormattable"/> values are written in the invariant culture unless overridden. Building checks
    /// that <see cref="TryParse"/> reads the text back, and refuses the value otherwise.
    /// </summary>
    public virtual string ToUrl(T value) => value switch
    {
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        null => string.Empty,
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The text of <paramref name="value"/> in a URL (<see cref="ToUrl"/>) when the converter reads it back to an equal
    /// value, so that the URL matches back to it; null otherwise (building refuses the value).
    /// </summary>
    public string? WriteChecked(T value)
    {
        var text = ToUrl(value);
        return text.Length > 0 && IsMatch(text) && TryParse(text, out var back) && EqualityComparer<T>.Default.Equals(back, value) ? text : null;
    }

    /// <summary>Whether all of <paramref name="text"/> is matched by <see cref="Regex"/>.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) =>
        (anchored ??= new Regex($"^(?:{Regex})$", RegexOptions.CultureInvariant)).IsMatch(text);

    /// <inheritdoc/>
    bool IRouteConverter.Accepts(ReadOnlySpan<char> text) => TryParse(text, out _);

    /// <inheritdoc/>
    object? IRouteConverter.Parse(ReadOnlySpan<char> text) => TryParse(text, out var value) ? value : null;

    /// <inheritdoc/>
    string IRouteConverter.ToUrl(object value) => ToUrl((T)value);

    /// <inheritdoc/>
    string? IRouteConverter.WriteChecked(object value) => value is T typed ? WriteChecked(typed) : null;

    /// <inheritdoc/>
    Type IRouteConverter.ValueType => typeof(T);
}

/// <summary>A <see cref="RouteConverter{T}"/> seen without its value type: for run-time rules and patterns.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRouteConverter
{
    /// <summary>What the converter matches (<see cref="RouteConverter{T}.Regex"/>).</summary>
    string Regex { get; }

    /// <summary>Whether all of <paramref name="text"/> is matched by <see cref="Regex"/>.</summary>
    bool IsMatch(ReadOnlySpan<char> text);

    /// <summary>Whether <paramref name="text"/> is a value.</summary>
    bool Accepts(ReadOnlySpan<char> text);

    /// <summary>The value of <paramref name="text"/>, or null.</summary>
    object? Parse(ReadOnlySpan<char> text);

    /// <summary>The text of <paramref name="value"/> in a URL.</summary>
    string ToUrl(object value);

    /// <summary>The text of <paramref name="value"/> in a URL when it reads back to an equal value, else null.</summary>
    string? WriteChecked(object value);

    /// <summary>The value type.</summary>
    Type ValueType { get; }
}
