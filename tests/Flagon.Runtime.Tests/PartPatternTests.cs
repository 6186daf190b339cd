using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>
/// The pattern behind parts with several variables: it splits a part where Werkzeug's regular expression would
/// (checked against Werkzeug 2.2.2 and Python's re), and a hostile part costs polynomial work, not exponential.
/// </summary>
public class PartPatternTests
{
    private static string[]? Split(PartPattern pattern, string text)
    {
        Span<Range> found = stackalloc Range[RouteValueRanges.Capacity];
        if (!pattern.Split(text, found))
        {
            return null;
        }
        var values = new string[pattern.Variables];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = text[found[i]];
        }
        return values;
    }

    [Theory]
    // re.fullmatch(r'([^/]+)-([^/]+)', 'a-b-c'): greedy, the first takes the most.
    [InlineData("string-string", "a-b-c", new[] { "a-b", "c" })]
    // (\d+)(\d+) on '123': the first gives back one digit.
    [InlineData("int,int", "123", new[] { "12", "3" })]
    // (?:a|ab)([^/]+) on 'abc': the values of any in the order written, not the longest.
    [InlineData("any(a,ab),string", "abc", new[] { "a", "bc" })]
    // ([^/].*?)/([^/]+)\.txt on 'a/b/c.txt': path takes the least.
    [InlineData("path/string.txt", "a/b/c.txt", new[] { "a/b", "c" })]
    // (\d+\.\d+)\.(\d+) on '1.25.3'.
    [InlineData("float.int", "1.25.3", new[] { "1.25", "3" })]
    [InlineData("int-int", "2024-", null)]
    [InlineData("int-int", "-5-6", null)]
    [InlineData("signed-int", "-5-6", new[] { "-5", "6" })]
    [InlineData("string-string", "a/b-c", null)]
    public void Splits_where_Werkzeugs_expression_would(string shape, string text, string[]? expected)
    {
        var pattern = shape switch
        {
            "string-string" => new PartPattern(PatternPiece.String(1, int.MaxValue), PatternPiece.Literal("-"), PatternPiece.String(1, int.MaxValue)),
            "int,int" => new PartPattern(PatternPiece.Int(0, false), PatternPiece.Int(0, false)),
            "any(a,ab),string" => new PartPattern(PatternPiece.Any("a", "ab"), PatternPiece.String(1, int.MaxValue)),
            "path/string.txt" => new PartPattern(PatternPiece.Path(), PatternPiece.Literal("/"), PatternPiece.String(1, int.MaxValue), PatternPiece.Literal(".txt")),
            "float.int" => new PartPattern(PatternPiece.Float(false), PatternPiece.Literal("."), PatternPiece.Int(0, false)),
            "int-int" => new PartPattern(PatternPiece.Int(0, false), PatternPiece.Literal("-"), PatternPiece.Int(0, false)),
            "signed-int" => new PartPattern(PatternPiece.Int(0, true), PatternPiece.Literal("-"), PatternPiece.Int(0, false)),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };

        Assert.Equal(expected, Split(pattern, text));
    }

    [Fact]
    public async Task A_hostile_part_fails_after_polynomial_work_not_exponential()
    {
        // Three greedy strings and a suffix that never comes: a backtracking regex tries every split (n^3 for
        // 3,000 characters, hours); remembered failures make it pieces x n x n steps.
        var pattern = new PartPattern(
            PatternPiece.String(1, int.MaxValue), PatternPiece.Literal("-"),
            PatternPiece.String(1, int.MaxValue), PatternPiece.Literal("-"),
            PatternPiece.String(1, int.MaxValue), PatternPiece.Literal(".json"));
        var text = string.Concat(Enumerable.Repeat("x-", 1500)) + "x.jsox";

        var run = Task.Run(() => Split(pattern, text));

        Assert.Null(await run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(new[] { "x-x", "x", "x" }, Split(pattern, "x-x-x-x.json"));
    }
}
