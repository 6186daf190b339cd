using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace Flagon.Templates;

/// <summary>
/// Autoescape as Jinja2 does it (markupsafe's <c>escape</c>): the five characters that mean something in HTML become
/// <c>&amp;amp; &amp;lt; &amp;gt; &amp;#34; &amp;#39;</c>, and every other character is written as it is: letters of any
/// script, <c>+</c>, emoji, no-break spaces. (ASP.NET Core's <c>HtmlEncoder</c>, even allowed every range, also writes
/// <c>+</c> and every character outside the Basic Multilingual Plane as references, so <c>C++</c> became
/// <c>C&amp;#x2B;&amp;#x2B;</c>.)
/// </summary>
internal sealed unsafe class HtmlEscape : TextEncoder
{
    /// <summary>The one instance: it keeps no state.</summary>
    public static readonly HtmlEscape Instance = new();

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    private HtmlEscape()
    {
    }

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => 5;

    /// <inheritdoc/>
    public override int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny(Special);

    /// <inheritdoc/>
    public override bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        string? reference = unicodeScalar switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&#34;",
            '\'' => "&#39;",
            _ => null,
        };
        if (reference is null)
        {
            // Not one of the five: the character itself.
            return new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }
        if (reference.AsSpan().TryCopyTo(destination))
        {
            numberOfCharactersWritten = reference.Length;
            return true;
        }
        numberOfCharactersWritten = 0;
        return false;
    }

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is '&' or '<' or '>' or '"' or '\'';
}
