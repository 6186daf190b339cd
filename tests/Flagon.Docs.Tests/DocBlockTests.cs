namespace Flagon.Docs.Tests;

/// <summary>
/// Every C# block of README.md and docs/ compiles, with Flagon's generators and analyzers, in the glue it declares
/// (<see cref="DocGlue"/>): no compiler error, no Flagon warning or error except on the lines that claim one, and each
/// claimed diagnostic (<see cref="Claims"/>) on its line. So a "wrong" example in docs/diagnostics.md draws the id it
/// names, and its "right" one draws none.
/// </summary>
public sealed class DocBlockTests
{
    public static TheoryData<string> Blocks() => [.. DocBlocks.All.Select(b => b.ToString())];

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task Block_compiles_and_draws_the_diagnostics_it_claims(string where)
    {
        var block = DocBlocks.All.Single(b => b.ToString() == where);
        var (problems, source) = await DocCheck.Problems(block);
        Assert.True(problems.Count == 0,
            $"{block} ({block.Glue} glue):\n  {string.Join("\n  ", problems)}\n--- compiled source ---\n{Numbered(source)}");
    }

    [Fact]
    public async Task The_check_catches_a_claim_that_is_not_drawn_a_compile_error_and_an_unclaimed_warning()
    {
        DocBlock Members(string code) => new("x.md", 1, "csharp", "members", "", [], code);

        var (right, _) = await DocCheck.Problems(Members("[Route(\"page\")] public static string Page() => \"x\";   // FLG0001"));
        var (wrongId, _) = await DocCheck.Problems(Members("[Route(\"page\")] public static string Page() => \"x\";   // FLG0002"));
        var (wrongLine, _) = await DocCheck.Problems(Members("// FLG0001\n[Route(\"page\")] public static string Page() => \"x\";"));
        var (broken, _) = await DocCheck.Problems(Members("[Route(\"/\")] public static string Index() => …;"));
        var (unclaimed, _) = await DocCheck.Problems(Members("[Route(\"/<a>\")] public static string A(string a) => a;\n[Route(\"/<b>\")] public static string B(string b) => b;"));

        Assert.Empty(right);
        Assert.Contains(wrongId, p => p.Contains("claims FLG0002", StringComparison.Ordinal));
        Assert.Contains(wrongId, p => p.StartsWith("FLG0001 (Error)", StringComparison.Ordinal));
        Assert.Contains(wrongLine, p => p.Contains("line 1 of the block claims FLG0001", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("CS1056", StringComparison.Ordinal));
        Assert.Contains(unclaimed, p => p.StartsWith("FLG0008 (Warning)", StringComparison.Ordinal));
    }

    [Fact]
    public void Blocks_are_found_in_the_readme_and_every_doc_that_has_csharp()
    {
        Assert.Contains(DocBlocks.All, b => b.File == "README.md");
        Assert.Contains(DocBlocks.All, b => b.File == "docs/diagnostics.md" && b.Language == "liquid");
        foreach (var file in DocBlocks.Files)
        {
            int fences = File.ReadAllLines(Path.Combine(DocBlocks.Root, file)).Count(l => l.TrimStart().StartsWith("```csharp", StringComparison.Ordinal));
            Assert.Equal(fences, DocBlocks.All.Count(b => b.File == file && b.Language == "csharp"));
        }
    }

    [Fact]
    public void A_claim_is_a_comment_that_starts_with_the_id()
    {
        Assert.Equal([(0, "FLG0001")], Claims.CSharp("[Route(\"page\")]   // FLG0001: must start with '/'"));
        Assert.Empty(Claims.CSharp("Url.For(\"page\", new { pk = 1 });   // right (and FLG0112 offers UrlFor.Page(pk: 1))"));
        Assert.Equal([(1, "FLG0303")], Claims.Liquid("<p>\n{{ url_for(\"idnex\") }} {%- comment %} FLG0303 {% endcomment %}"));
    }

    [Fact]
    public void A_glue_comment_applies_to_the_block_right_after_it()
    {
        string[] lines =
        [
            "<!-- glue: members; templates: page.html",
            "record Partner(string Name);",
            "-->",
            "```csharp",
            "[Route(\"/\")] public static string Index() => \"x\";",
            "```",
            "<!-- glue: view -->",
            "Some text.",
            "```csharp",
            "var app = new App(args);",
            "```",
        ];
        var blocks = DocBlocks.Read("x.md", lines).ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Equal(("members", "record Partner(string Name);", 5), (blocks[0].Glue, blocks[0].GlueCode, blocks[0].Line));
        Assert.Equal(["page.html"], blocks[0].Templates);
        Assert.Equal("file", blocks[1].Glue);
    }

    private static string Numbered(string source) =>
        string.Join('\n', source.Split('\n').Select((l, i) => $"{i + 1,3} {l}"));
}
