namespace Flagon.Templates;

/// <summary>
/// No template of that name exists in any template folder (Jinja2's <c>TemplateNotFound</c>); the message names
/// the template and every folder searched.
/// </summary>
public sealed class TemplateNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>, searched in <paramref name="searched"/>.</summary>
    public TemplateNotFoundException(string name, IReadOnlyList<string> searched)
        : base($"Template '{name}' not found. Searched: {(searched.Count == 0 ? "(no template folder exists)" : string.Join(", ", searched))}.")
    {
        Name = name;
        Searched = searched;
    }

    /// <summary>The template's name, as given to <c>Template.Render</c>.</summary>
    public string Name { get; }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Searched { get; }
}
