namespace Flagon.Templates;

/// <summary>
/// A template that cannot be parsed (Jinja2's <c>TemplateSyntaxError</c>): the message names the file, the line and
/// the column, and what the parser expected there.
/// </summary>
public sealed class TemplateSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateSyntaxException(string name, string? path, int line, int column, string parserMessage)
        : base($"{path ?? name}({line},{column}): {parserMessage}")
    {
        Name = name;
        Path = path;
        Line = line;
        Column = column;
        ParserMessage = parserMessage;
    }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The file it was read from; null for a template given as a string.</summary>
    public string? Path { get; }

    /// <summary>The line of the error, from 1.</summary>
    public int Line { get; }

    /// <summary>The column of the error, from 1.</summary>
    public int Column { get; }

    /// <summary>What the template parser said.</summary>
    public string ParserMessage { get; }
}
