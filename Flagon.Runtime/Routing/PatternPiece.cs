using System.ComponentModel;

namespace Flagon.Routing;

/// <summary>What a <see cref="PatternPiece"/> matches.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PatternPieceKind
{
    /// <summary>Static text of the rule.</summary>
    Literal,

    /// <summary><c>string</c>: <c>[^/]{min,max}</c>.</summary>
    String,

    /// <summary><c>path</c>: <c>[^/].*?</c>.</summary>
    Path,

    /// <summary><c>int</c>: <c>-?\d+</c>, or exactly n digits.</summary>
    Int,

    /// <summary><c>float</c>: <c>-?\d+\.\d+</c>.</summary>
    Float,

    /// <summary><c>uuid</c>: 8-4-4-4-12 hex digits.</summary>
    Uuid,

    /// <summary><c>any</c>: one of the values.</summary>
    Any,

    /// <summary>A converter of your own: its regular expression.</summary>
    Custom,
}

/// <summary>One piece of a <see cref="PartPattern"/>: static text, or the expression of a converter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct PatternPiece
{
    private PatternPiece(PatternPieceKind kind, string? text, int min, int max, bool signed, string[]? choices, IRouteConverter? converter = null)
    {
        Converter = converter;
        Kind = kind;
        Text = text;
        Min = min;
        Max = max;
        Signed = signed;
        Choices = choices;
    }

    /// <summary>What the piece matches.</summary>
    public PatternPieceKind Kind { get; }

    /// <summary>A literal's text.</summary>
    public string? Text { get; }

    /// <summary>A string's shortest length; an int's fixed number of digits (0 for any).</summary>
    public int Min { get; }

    /// <summary>A string's longest length.</summary>
    public int Max { get; }

    /// <summary>Whether an int or float may start with <c>-</c>.</summary>
    public bool Signed { get; }

    /// <summary>A converter of your own.</summary>
    public IRouteConverter? Converter { get; }

    /// <summary>An any's values.</summary>
    public string[]? Choices { get; }

    /// <summary>Static text.</summary>
    public static PatternPiece Literal(string text) => new(PatternPieceKind.Literal, text, 0, 0, false, null);

    /// <summary>A <c>string</c> variable of <paramref name="minLength"/> to <paramref name="maxLength"/> characters.</summary>
    public static PatternPiece String(int minLength, int maxLength) => new(PatternPieceKind.String, null, minLength, maxLength, false, null);

    /// <summary>A <c>path</c> variable.</summary>
    public static PatternPiece Path() => new(PatternPieceKind.Path, null, 1, int.MaxValue, false, null);

    /// <summary>An <c>int</c> variable: exactly <paramref name="fixedDigits"/> digits when not 0.</summary>
    public static PatternPiece Int(int fixedDigits, bool signed) => new(PatternPieceKind.Int, null, fixedDigits, 0, signed, null);

    /// <summary>A <c>float</c> variable.</summary>
    public static PatternPiece Float(bool signed) => new(PatternPieceKind.Float, null, 0, 0, signed, null);

    /// <summary>A <c>uuid</c> variable.</summary>
    public static PatternPiece Uuid() => new(PatternPieceKind.Uuid, null, 36, 36, false, null);

    /// <summary>A variable of a converter of your own: the longest text its <see cref="IRouteConverter.Regex"/> matches whole first.</summary>
    public static PatternPiece Custom(IRouteConverter converter) => new(PatternPieceKind.Custom, null, 1, int.MaxValue, false, null, converter);

    /// <summary>An <c>any</c> variable: one of <paramref name="choices"/>, tried in order.</summary>
    public static PatternPiece Any(params string[] choices) => new(PatternPieceKind.Any, null, 0, 0, false, choices);
}
