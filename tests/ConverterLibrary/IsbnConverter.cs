using System.Diagnostics.CodeAnalysis;
using Flagon;
using Flagon.Routing;

namespace ConverterLibrary;

/// <summary>An ISBN-13, <c>9780306406157</c>: thirteen digits whose last is the check digit of the others.</summary>
[RouteConverter("isbn")]
public sealed class IsbnConverter : RouteConverter<string>
{
    /// <inheritdoc/>
    public override string Regex => @"\d{13}";

    /// <inheritdoc/>
    public override bool TryParse(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out string value)
    {
        value = null;
        if (text.Length != 13)
        {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
            sum += (text[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        if (sum % 10 != 0)
        {
            return false;
        }
        value = new string(text);
        return true;
    }

    /// <summary>The check digit that completes the twelve digits <paramref name="first12"/>.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first12)
    {
        int sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
