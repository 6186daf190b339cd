using System.Text.RegularExpressions;

namespace Flagon.Docs.Tests;

/// <summary>Reads the C# and Liquid blocks out of README.md and docs/*.md.</summary>
public static partial class DocBlocks
{
    /// <summary>The repository's root folder (the one holding Flagon.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Markdown files whose blocks are checked, relative to the root.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["README.md", .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))];

    /// <summary>Every csharp block, and every liquid block that declares a glue or claims a diagnostic.</summary>
    public static IReadOnlyList<DocBlock> All { get; } = [.. Files.SelectMany(f => Read(f, File.ReadAllLines(Path.Combine(Root, f))))];

    /// <summary>The blocks of one Markdown text.</summary>
    public static IEnumerable<DocBlock> Read(string file, string[] lines)
    {
        (string Glue, string Code, string[] Templates)? pending = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("<!-- glue:", StringComparison.Ordinal))
            {
                var comment = new List<string>();
                int start = i;
                while (true)
                {
                    comment.Add(lines[i]);
                    if (lines[i].Contains("-->", StringComparison.Ordinal)) break;
                    if (++i == lines.Length) throw new FormatException($"{file}:{start + 1}: the glue comment has no '-->'.");
                }
                pending = ParseGlue(file, start + 1, comment);
                continue;
            }
            var fence = Fence().Match(line);
            if (!fence.Success)
            {
                if (line.Trim().Length > 0) pending = null;   // a glue comment belongs to the block right after it
                continue;
            }
            string language = fence.Groups["lang"].Value;
            int first = i + 1;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
            {
                code.Add(lines[i]);
            }
            if (i == lines.Length) throw new FormatException($"{file}:{first}: the code block is never closed.");
            var glue = pending;
            pending = null;
            string text = string.Join('\n', code);
            bool checkedLiquid = language == "liquid" && (glue is not null || Claims.Liquid(text).Count > 0);
            if (language == "csharp" || checkedLiquid)
            {
                yield return new DocBlock(file, first + 1, language, glue?.Glue ?? (language == "liquid" ? "template" : "file"), glue?.Code ?? "", glue?.Templates ?? [], text);
            }
        }
    }

    private static (string Glue, string Code, string[] Templates) ParseGlue(string file, int line, List<string> comment)
    {
        // First line: "<!-- glue: NAME; templates: a.html, b.html"; the lines after it, up to "-->", are C#.
        string head = comment[0].Trim()["<!-- glue:".Length..];
        bool oneLine = head.EndsWith("-->", StringComparison.Ordinal);
        if (oneLine) head = head[..^3];
        var parts = head.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new FormatException($"{file}:{line}: the glue comment names no glue.");
        string[] templates = [];
        foreach (var part in parts.Skip(1))
        {
            templates = part.StartsWith("templates:", StringComparison.Ordinal)
                ? part["templates:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : throw new FormatException($"{file}:{line}: unknown glue setting '{part}' (only 'templates: a.html, b.html').");
        }
        var code = oneLine ? [] : comment.Skip(1).Take(comment.Count - 2).ToList();
        if (!oneLine && comment[^1].Trim() != "-->") throw new FormatException($"{file}:{line}: put the glue comment's '-->' on a line of its own.");
        return (parts[0], string.Join('\n', code), templates);
    }

    [GeneratedRegex(@"^\s*```(?<lang>[A-Za-z#+-]*)")]
    private static partial Regex Fence();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flagon.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Flagon.slnx not found above " + AppContext.BaseDirectory);
    }
}
