namespace Flagon.Templates;

/// <summary>
/// Lets templates name function arguments either way: Jinja2's <c>url_for("page", pk=1, _external=True)</c>, which
/// Fluid reads as it is, or <c>url_for("page", pk: 1)</c>, rewritten here to the first form. Only a colon that
/// follows an argument name inside a call's parentheses, in a tag, outside quotes, is changed; the text keeps its
/// length, so parse errors keep their line and column.
/// </summary>
internal static class NamedArguments
{
    public static string Normalize(string source)
    {
        if (!source.Contains(':'))
        {
            return source;
        }
        char[]? text = null;
        bool inTag = false;
        char quote = '\0';
        int depth = 0;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (!inTag)
            {
                if (c == '{' && i + 1 < source.Length && source[i + 1] is '{' or '%')
                {
                    inTag = true;
                    depth = 0;
                    i++;
                }
                continue;
            }
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '}' or '%' when i + 1 < source.Length && source[i + 1] == '}':
                    inTag = false;
                    i++;
                    break;
                case ':' when depth > 0 && FollowsArgumentName(source, i):
                    text ??= source.ToCharArray();
                    text[i] = '=';
                    break;
            }
        }
        return text is null ? source : new string(text);
    }

    // An identifier just before the colon, itself just after '(' or ','.
    private static bool FollowsArgumentName(string source, int colon)
    {
        int i = colon - 1;
        while (i >= 0 && source[i] == ' ')
        {
            i--;
        }
        int end = i;
        while (i >= 0 && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
        {
            i--;
        }
        if (i == end || char.IsDigit(source[i + 1]))
        {
            return false;
        }
        while (i >= 0 && char.IsWhiteSpace(source[i]))
        {
            i--;
        }
        return i >= 0 && source[i] is '(' or ',';
    }
}
