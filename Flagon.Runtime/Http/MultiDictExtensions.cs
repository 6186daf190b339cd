using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Flagon;

/// <summary>
/// Werkzeug's <c>MultiDict</c> reads on <see cref="Http.Request.Args"/> and <see cref="Http.Request.Form"/> (ASP.NET
/// Core's query and form collections): <c>Get</c> gives a key's first value, as Flask's <c>request.args.get("q")</c>
/// and <c>request.args["q"]</c> do, optionally converted (<c>request.args.get("page", 1, type=int)</c>), and
/// <c>GetList</c> every value (<c>getlist</c>).
/// </summary>
/// <remarks>
/// The collections' own indexer gives <see cref="StringValues"/>, every value of the key; written as text they are
/// joined with commas (<c>?a=1&amp;a=2</c> gives <c>1,2</c>), where Flask gives the first.
/// </remarks>
public static class MultiDictExtensions
{
    /// <summary>The first value of <paramref name="key"/> (Flask's <c>request.args.get(key)</c>), or null when it was not sent.</summary>
    public static string? Get(this IQueryCollection args, string key) => FirstValue(Values(args, key));

    /// <summary>The first value of <paramref name="key"/>, or <paramref name="default"/> when it was not sent.</summary>
    public static string Get(this IQueryCollection args, string key, string @default) => FirstValue(Values(args, key)) ?? @default;

    /// <summary>
    /// The first value of <paramref name="key"/> read as a <typeparamref name="T"/> (Flask's
    /// <c>request.args.get(key, default, type=int)</c>), or <paramref name="default"/> when it was not sent or does not
    /// read as one (Flask returns the default when the conversion raises ValueError). Numbers are read culture-invariant.
    /// </summary>
    public static T Get<T>(this IQueryCollection args, string key, T @default)
        where T : IParsable<T> => ParseOr(FirstValue(Values(args, key)), @default);

    /// <summary>Every value of <paramref name="key"/> in the order sent (Flask's <c>getlist</c>); empty when it was not sent.</summary>
    public static IReadOnlyList<string> GetList(this IQueryCollection args, string key) => All(Values(args, key));

    /// <summary>The first value of the form field <paramref name="key"/> (Flask's <c>request.form.get(key)</c>), or null.</summary>
    public static string? Get(this IFormCollection form, string key) => FirstValue(Values(form, key));

    /// <summary>The first value of the form field <paramref name="key"/>, or <paramref name="default"/> when it was not sent.</summary>
    public static string Get(this IFormCollection form, string key, string @default) => FirstValue(Values(form, key)) ?? @default;

    /// <summary>
    /// The first value of the form field <paramref name="key"/> read as a <typeparamref name="T"/>, or
    /// <paramref name="default"/> when it was not sent or does not read as one.
    /// </summary>
    public static T Get<T>(this IFormCollection form, string key, T @default)
        where T : IParsable<T> => ParseOr(FirstValue(Values(form, key)), @default);

    /// <summary>Every value of the form field <paramref name="key"/> in the order sent (Flask's <c>getlist</c>).</summary>
    public static IReadOnlyList<string> GetList(this IFormCollection form, string key) => All(Values(form, key));

    private static StringValues Values(IQueryCollection args, string key)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(key);
        return args[key];
    }

    private static StringValues Values(IFormCollection form, string key)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(key);
        return form[key];
    }

    /// <summary>A field's first value, as Flask reads <c>request.args["q"]</c>: null when it was not sent.</summary>
    internal static string? FirstValue(StringValues values) => values.Count == 0 ? null : values[0] ?? string.Empty;

    private static IReadOnlyList<string> All(StringValues values)
    {
        var all = new string[values.Count];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = values[i] ?? string.Empty;
        }
        return all;
    }

    /// <summary>Text read as a <typeparamref name="T"/>, culture-invariant; <paramref name="default"/> when null or not one.</summary>
    internal static T ParseOr<T>(string? text, T @default)
        where T : IParsable<T> =>
        text is not null && T.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : @default;
}
