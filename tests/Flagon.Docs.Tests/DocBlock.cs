namespace Flagon.Docs.Tests;

/// <summary>
/// One fenced code block of the docs, with the glue it declares in an HTML comment right before it
/// (<c>&lt;!-- glue: members; templates: page.html</c>, then optional C# lines, then <c>--&gt;</c>).
/// </summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the block's first code line in that file.</param>
/// <param name="Language">The fence's language: <c>csharp</c> or <c>liquid</c>.</param>
/// <param name="Glue">The glue's name (<see cref="DocGlue"/>); <c>file</c> when the block declares none.</param>
/// <param name="GlueCode">C# the glue comment adds at file level (types the block uses, endpoints it names).</param>
/// <param name="Templates">Template files the glue comment says the project has.</param>
/// <param name="Code">The block's text.</param>
public sealed record DocBlock(string File, int Line, string Language, string Glue, string GlueCode, IReadOnlyList<string> Templates, string Code)
{
    /// <summary>Where the block is, as xunit shows it: <c>docs/routing.md:98</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}
