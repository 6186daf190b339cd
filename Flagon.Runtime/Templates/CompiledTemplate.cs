using System.Text.Encodings.Web;
using Fluid;

namespace Flagon.Templates;

/// <summary>A parsed template with what rendering needs to know about it.</summary>
/// <param name="Name">Its name (the path under a template folder, with <c>/</c>).</param>
/// <param name="Path">The file it came from; null for a string template.</param>
/// <param name="Template">Fluid's parsed template.</param>
/// <param name="Stamp">The file's last write time when it was read.</param>
/// <param name="Extends">Whether it starts with <c>{% extends … %}</c>.</param>
internal sealed record CompiledTemplate(string Name, string? Path, IFluidTemplate Template, DateTime Stamp, bool Extends)
{
    /// <summary>
    /// HTML-encoding as Jinja2's autoescape does it: the characters that mean something in HTML (<c>&amp; &lt; &gt; " '</c>)
    /// become references, and everything else stays as it is (see <see cref="HtmlEscape"/>).
    /// </summary>
    public static readonly TextEncoder Html = HtmlEscape.Instance;

    /// <summary>
    /// The encoder for a template of this name: HTML-encoding for <c>.html</c>, <c>.htm</c>, <c>.xml</c>, <c>.xhtml</c>
    /// (Flask's autoescape), none for other files (<c>.txt</c>).
    /// </summary>
    public static TextEncoder EncoderFor(string name) =>
        System.IO.Path.GetExtension(name).ToLowerInvariant() is ".html" or ".htm" or ".xml" or ".xhtml" ? Html : NullEncoder.Default;
}
