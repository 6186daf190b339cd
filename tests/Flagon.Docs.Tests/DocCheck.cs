using Microsoft.CodeAnalysis;

namespace Flagon.Docs.Tests;

/// <summary>
/// What is wrong with a block: a claimed diagnostic that is not reported on its line, a compiler error, a Flagon
/// warning or error no line claims, or a compiler warning (a fragment's glue may draw the few in
/// <see cref="FragmentWarnings"/>). Info diagnostics nobody claims are fine (FLG0009, FLG0112 are suggestions).
/// </summary>
public static class DocCheck
{
    /// <summary>
    /// Compiler warnings a fragment may draw from its glue's shape: an async glue without await, code after a return
    /// in a block that shows several, a local or variable the block only declares.
    /// </summary>
    public static readonly IReadOnlySet<string> FragmentWarnings = new HashSet<string> { "CS1998", "CS0162", "CS8321", "CS0168", "CS0219" };

    /// <summary>The problems (empty when the block is right) and the source it was compiled in.</summary>
    public static async Task<(List<string> Problems, string Source)> Problems(DocBlock block)
    {
        var (diagnostics, source, blockLine) = await DocCompiler.Compile(block);
        var claims = block.Language == "liquid" ? Claims.Liquid(block.Code) : Claims.CSharp(block.Code);
        int lines = block.Code.Split('\n').Length;
        var problems = new List<string>();

        // Where in the block (0-based line) a diagnostic is, or null when it is in the glue or generated code.
        int? LineInBlock(Diagnostic d)
        {
            if (!d.Location.IsInSource && d.Location.Kind != LocationKind.ExternalFile) return null;
            var span = d.Location.GetLineSpan();
            if (block.Language == "liquid")
            {
                return span.Path == DocCompiler.TemplateFolder + "example.html" ? span.StartLinePosition.Line : null;
            }
            int line = span.StartLinePosition.Line - blockLine;
            return span.Path == DocCompiler.SourcePath && line >= 0 && line < lines ? line : null;
        }

        foreach (var (line, id) in claims)
        {
            if (!diagnostics.Any(d => d.Id == id && LineInBlock(d) == line))
            {
                problems.Add($"line {line + 1} of the block claims {id}, which is not reported there");
            }
        }
        foreach (var d in diagnostics)
        {
            int? line = LineInBlock(d);
            bool claimed = line is int l && claims.Contains((l, d.Id));
            bool flagon = d.Id.StartsWith("FLG", StringComparison.Ordinal);
            bool fails = d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && (flagon || !(block.Glue != "file" && FragmentWarnings.Contains(d.Id))));
            if (fails && !claimed)
            {
                var span = d.Location.GetLineSpan();
                string at = line is int b ? $"block line {b + 1}" : $"{span.Path} line {span.StartLinePosition.Line + 1}";
                problems.Add($"{d.Id} ({d.Severity}) at {at}: {d.GetMessage()}");
            }
        }
        return (problems, source);
    }
}
