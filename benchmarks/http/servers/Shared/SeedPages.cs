using System.Text;

namespace Flagon.HttpBenchmarks;

/// <summary>
/// The seed's three pages, as every server in the HTTP benchmark answers them (the Python apps in
/// <c>benchmarks/http/python/</c> write the same bytes): <c>/</c> is <see cref="Hello"/> as text/plain, <c>/environ</c>
/// the request's WSGI-style environment padded to <see cref="EnvironLength"/> bytes, <c>/template</c> the page
/// <c>template.html</c> renders from <see cref="Title"/> and <see cref="Items"/> (191 bytes).
/// </summary>
public static class SeedPages
{
    /// <summary>The body of <c>/</c>: 13 bytes.</summary>
    public const string Hello = "Hello, world!";

    /// <summary>The content type of <c>/</c> and <c>/environ</c>.</summary>
    public const string TextPlain = "text/plain; charset=utf-8";

    /// <summary>The exact length of the <c>/environ</c> body in bytes.</summary>
    public const int EnvironLength = 2900;

    /// <summary>The template's title (shown twice).</summary>
    public const string Title = "Hello, world page!";

    /// <summary>The template's list: two of the three items need HTML escaping.</summary>
    public static readonly string[] Items = ["one", "<two>", "three & four"];

    /// <summary>The length of the rendered <c>/template</c> page in bytes.</summary>
    public const int TemplateLength = 191;

    /// <summary>
    /// The <c>/template</c> page as template.html renders it (HTML-escaped as Jinja2 escapes: <c>&amp;</c>, <c>&lt;</c>,
    /// <c>&gt;</c>), written out by hand: raw Kestrel's body and the body check's expected bytes.
    /// </summary>
    public static string RenderedTemplate()
    {
        var page = new StringBuilder("<!doctype html>\n<html>\n<head><title>");
        page.Append(Escape(Title)).Append("</title></head>\n<body>\n<h1>").Append(Escape(Title)).Append("</h1>\n<ul>\n");
        foreach (var item in Items)
        {
            page.Append("<li>").Append(Escape(item)).Append("</li>\n");
        }
        return page.Append("</ul>\n</body>\n</html>").ToString();

        static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }

    /// <summary>
    /// The <c>/environ</c> body: one <c>KEY: value</c> line per entry, sorted by key (ordinal), then spaces up to
    /// <see cref="EnvironLength"/> bytes (cut there if longer).
    /// </summary>
    public static string Environ(IEnumerable<KeyValuePair<string, string>> environ)
    {
        var entries = new List<KeyValuePair<string, string>>(environ);
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var page = new StringBuilder(EnvironLength);
        foreach (var (key, value) in entries)
        {
            page.Append(key).Append(": ").Append(value).Append('\n');
        }
        if (page.Length > EnvironLength)
        {
            page.Length = EnvironLength;
        }
        page.Append(' ', EnvironLength - page.Length);
        return page.ToString();
    }
}
