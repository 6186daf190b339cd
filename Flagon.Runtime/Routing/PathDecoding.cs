using System.Text;

namespace Flagon.Routing;

/// <summary>
/// Decodes a built path as the server hands it to the matcher: percent-escapes decoded as UTF-8, except
/// <c>%2F</c>, which stays as written (an encoded slash stays inside its part).
/// </summary>
internal static class PathDecoding
{
    /// <summary>Decodes <paramref name="text"/> (ASCII, as <see cref="UrlWriter"/> writes it) into <paramref name="into"/>; returns the characters written.</summary>
    public static int Decode(ReadOnlySpan<char> text, Span<char> into)
    {
        if (!text.Contains('%'))
        {
            text.CopyTo(into);
            return text.Length;
        }
        Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && !(text[i + 1] == '2' && (text[i + 2] is 'F' or 'f'))
                && byte.TryParse(text.Slice(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out byte b))
            {
                bytes[count++] = b;
                i += 2;
            }
            else
            {
                bytes[count++] = (byte)text[i];
            }
        }
        return Encoding.UTF8.GetChars(bytes[..count], into);
    }
}
