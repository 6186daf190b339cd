using System.Text.RegularExpressions;

namespace Flagon.Docs.Tests;

/// <summary>
/// The diagnostics a block claims: a line whose comment starts with an id (<c>// FLG0001: …</c> in C#,
/// <c>{% comment %} FLG0303 …</c> in Liquid) must draw that diagnostic, on that line. A comment that only mentions an
/// id later (<c>// right (and FLG0112 offers …)</c>) claims nothing.
/// </summary>
public static partial class Claims
{
    /// <summary>The claimed ids of a C# block, by 0-based line of the block.</summary>
    public static IReadOnlyList<(int Line, string Id)> CSharp(string code) => Find(code, CSharpClaim());

    /// <summary>The claimed ids of a Liquid block, by 0-based line of the block.</summary>
    public static IReadOnlyList<(int Line, string Id)> Liquid(string code) => Find(code, LiquidClaim());

    private static List<(int Line, string Id)> Find(string code, Regex claim) =>
        [.. code.Split('\n').SelectMany((line, i) => claim.Matches(line).Select(m => (i, m.Groups["id"].Value)))];

    [GeneratedRegex(@"//\s*(?<id>FLG\d{4})\b")]
    private static partial Regex CSharpClaim();

    [GeneratedRegex(@"comment\s*%\}\s*(?<id>FLG\d{4})\b")]
    private static partial Regex LiquidClaim();
}
