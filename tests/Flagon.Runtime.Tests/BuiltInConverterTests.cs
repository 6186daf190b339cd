using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>
/// Werkzeug's six converters written as <see cref="RouteConverter{T}"/>s (what run-time rules match with): each one's
/// regular expression matches what it parses, and what it writes parses back to the same value.
/// </summary>
public class BuiltInConverterTests
{
    public static readonly TheoryData<string, string, bool> Samples = new()
    {
        { "string", "abc", true }, { "string", "", false }, { "string", "a/b", false },
        { "string(2,2)", "ab", true }, { "string(2,2)", "abc", false },
        { "path", "a/b/c", true }, { "path", "/a", false }, { "path", "", false },
        { "int", "007", true }, { "int", "-1", false }, { "int", "1.5", false }, { "int", "", false },
        { "int(signed)", "-12", true }, { "int(4)", "2024", true }, { "int(4)", "24", false },
        { "float", "1.5", true }, { "float", "1", false }, { "float", "-1.5", false }, { "float(signed)", "-1.5", true },
        { "uuid", "0f8fad5b-d9cb-469f-a165-70867728950e", true }, { "uuid", "0F8FAD5B-D9CB-469F-A165-70867728950E", true },
        { "uuid", "0f8fad5bd9cb469fa16570867728950e", false },
        { "any", "red", true }, { "any", "Red", false }, { "any", "re", false },
    };

    private static IRouteConverter Make(string name) => name switch
    {
        "string" => new StringConverter(),
        "string(2,2)" => new StringConverter(2, 2),
        "path" => new PathConverter(),
        "int" => new IntConverter(),
        "int(signed)" => new IntConverter(signed: true),
        "int(4)" => new IntConverter(fixedDigits: 4),
        "float" => new FloatConverter(),
        "float(signed)" => new FloatConverter(signed: true),
        "uuid" => new UuidConverter(),
        _ => new AnyConverter("red", "green"),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_matches_what_its_expression_matches(string converter, string text, bool accepted)
    {
        var c = Make(converter);

        Assert.Equal(accepted, c.Accepts(text));
        Assert.Equal(accepted, c.IsMatch(text));
    }

    private static T Read<T>(RouteConverter<T> converter, string text) => converter.TryParse(text, out var value) ? value : throw new FormatException(text);

    [Fact]
    public void What_each_writes_it_reads_back()
    {
        var three = new IntConverter(fixedDigits: 3);
        Assert.Equal("007", three.ToUrl(7L));
        Assert.Equal(7L, Read(three, three.ToUrl(7L)));
        Assert.Equal(-5L, Read(new IntConverter(signed: true), "-5"));
        Assert.Equal("0.00001", new FloatConverter().ToUrl(0.00001));
        Assert.Equal(0.00001, Read(new FloatConverter(), "0.00001"));
        var id = Guid.NewGuid();
        Assert.Equal(id, Read(new UuidConverter(), new UuidConverter().ToUrl(id)));
        Assert.Equal("a/b", Read(new StringConverter(), "a%2Fb"));
        Assert.False(new IntConverter(max: 10).TryParse("11", out _));
    }
}
