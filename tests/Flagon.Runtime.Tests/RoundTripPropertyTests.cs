using System.Globalization;
using CsCheck;
using Flagon.Routing;

namespace Flagon.Runtime.Tests;

/// <summary>
/// Properties over random values (CsCheck): for every endpoint of the test app, matching the URL that UrlFor
/// builds gives back the same endpoint and the same values, or building refuses the value with a
/// UrlBuildException; and no path, however odd, makes the matcher throw.
/// </summary>
public class RoundTripPropertyTests(RouteHarness harness) : IClassFixture<RouteHarness>
{
    // 10,000 per property in the default run; FLAGON_PROPERTY_CASES=100000 for the long mode (docs/reliability.md).
    private static readonly int Cases =
        int.TryParse(Environment.GetEnvironmentVariable("FLAGON_PROPERTY_CASES"), out var cases) && cases > 0 ? cases : 10_000;

    // Text without lone surrogates (they have no UTF-8 form) and without '%2F' spelled out (refused by design).
    private static readonly Gen<string> Text = Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char['\u0020', '\u007e'], Gen.Char['\u00a0', '\ud7ff'])];

    /// <summary>One endpoint with a random value: how to build its URL and the body its view answers.</summary>
    private sealed record Case(string Name, Func<string> Build, string Expected)
    {
        public override string ToString() => $"{Name}: {Expected}";
    }

    // The builders run inside the app context each property test pushes.
#pragma warning disable FLG0202
    private static readonly Gen<Case> AnyCase = Gen.OneOf(
        Gen.Int[0, int.MaxValue].Select(pk => new Case("page", () => UrlFor.Page(pk: pk), $"page pk={pk}")),
        Gen.Int.Select(n => new Case("signed", () => UrlFor.Signed(n: n), $"signed n={n}")),
        Gen.Int[1, 10].Select(n => new Case("in_range", () => UrlFor.InRange(n: n), $"in_range n={n}")),
        Gen.Int[0, 9999].Select(y => new Case("year", () => UrlFor.Year(year: y), $"year year={y}")),
        Gen.Long[0, long.MaxValue].Select(n => new Case("big", () => UrlFor.Big(n: n), $"big n={n}")),
        // Any finite value from the smallest to the largest: written without an exponent, so each one matches back.
        Gen.Double.Where(x => double.IsFinite(x) && x >= 0).Select(x => new Case("float", () => UrlFor.Float(x: x), $"float x={x.ToString(CultureInfo.InvariantCulture)}")),
        Gen.Guid.Select(id => new Case("item", () => UrlFor.Item(id: id), $"item id={id}")),
        Gen.OneOf("red", "green", "blue").Select(c => new Case("color", () => UrlFor.Color(color: c), $"color color={c}")),
        Gen.Enum<Tone>().Select(t => new Case("shade", () => UrlFor.Shade(tone: t), $"shade tone={t}")),
        Gen.String[Gen.Char.AlphaNumeric, 2, 2].Select(c => new Case("lang", () => UrlFor.Lang(code: c), $"lang code={c}")),
        // Values another rule claims first are left out: "/users/me" and "/users/<int:id>" outrank "/users/<name>".
        Text.Where(n => n != "me" && !n.All(char.IsAsciiDigit) || n.Length == 0)
            .Select(n => new Case("user_by_name", () => UrlFor.UserByName(name: n), $"user_by_name name={n}")),
        Text.Where(n => !n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => new Case("export", () => UrlFor.Export(name: n), $"export name={n}")),
        Text.Select(n => new Case("secret", () => UrlFor.Secret(username: n), $"secret GET username={n}")),
        // Non-ASCII rule text (/café/<name>) with any value: both percent-encoded as UTF-8, both decoded back.
        Text.Select(n => new Case("cafe", () => UrlFor.Cafe(name: n), $"cafe name={n}")),
        Text.Where(p => !p.EndsWith("/edit", StringComparison.Ordinal) && p != "edit")
            .Select(p => new Case("file", () => UrlFor.File(name: p), $"file name={p}")),
        // Several values in one part, and values after a path: built only when they split back the same way.
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue])
            .Select((y, m) => new Case("month", () => UrlFor.Month(year: y, month: m), $"month year={y} month={m}")),
        Gen.Select(Text, Gen.OneOf("json", "html"))
            .Select((n, f) => new Case("report", () => UrlFor.Report(name: n, fmt: f), $"report name={n} fmt={f}")),
        Gen.Select(Text, Text.Where(t => !t.Contains('-')))
            .Select((a, b) => new Case("span", () => UrlFor.Span(first: a, second: b), $"span first={a} second={b}")),
        Gen.Select(Text, Text)
            .Select((d, n) => new Case("download", () => UrlFor.Download(dir: d, name: n), $"download dir={d} name={n}")),
        Text.Select(p => new Case("tree", () => UrlFor.Tree(p: p), $"tree p={p}")),
        // A converter of a referenced library, and converters of the program's own.
        Gen.Long[0, 999_999_999_999].Select(n => n.ToString("D12", CultureInfo.InvariantCulture))
            .Select(d => d + ConverterLibrary.IsbnConverter.CheckDigit(d))
            .Select(code => new Case("book", () => UrlFor.Book(code: code), $"book code={code}")),
        Gen.Date.Select(d => DateOnly.FromDateTime(d))
            .Select(d => new Case("day", () => UrlFor.Day(day: d), $"day day={d:yyyy-MM-dd}")),
        Gen.Select(Gen.Date, Gen.Date).Select((a, b) => (DateOnly.FromDateTime(a), DateOnly.FromDateTime(b)))
            .Select(p => new Case("between", () => UrlFor.Between(start: p.Item1, end: p.Item2), $"between start={p.Item1:yyyy-MM-dd} end={p.Item2:yyyy-MM-dd}")));
#pragma warning restore FLG0202

    private static readonly string[] Endpoints =
        ["page", "signed", "in_range", "year", "big", "float", "item", "color", "shade", "lang", "user_by_name", "export", "secret", "cafe", "file",
         "month", "report", "span", "download", "tree", "book", "day", "between"];

    [Fact]
    public void Matching_a_built_url_gives_back_the_endpoint_and_values() => RoundTrips(Transport.InProcess, Cases);

    [Fact]
    public void Over_real_http_too() => RoundTrips(Transport.Http, 600);

    /// <summary>
    /// Every endpoint round-trips: each was drawn, and nearly every value drawn for it built a URL (refusals are for
    /// values a rule cannot carry: an empty name), which matched back to it with the same value.
    /// </summary>
    private void RoundTrips(Transport transport, int cases)
    {
        var drawn = new Dictionary<string, int>();
        var built = new Dictionary<string, int>();
        AnyCase.Sample(c =>
        {
            drawn[c.Name] = drawn.GetValueOrDefault(c.Name) + 1;
            if (Build(c) is not { } url)
            {
                return true;
            }
            built[c.Name] = built.GetValueOrDefault(c.Name) + 1;
            var response = harness.SendAsync(transport, "GET", url).GetAwaiter().GetResult();
            return response.Status == 200 && response.Body == c.Expected;
        }, iter: cases, threads: 1);

        Assert.Equal(Endpoints.Order(), drawn.Keys.Order());
        foreach (var endpoint in Endpoints)
        {
            Assert.True(built.GetValueOrDefault(endpoint) >= drawn[endpoint] * 9 / 10,
                $"{endpoint}: {built.GetValueOrDefault(endpoint)} of {drawn[endpoint]} values built a URL");
        }
    }

    [Fact]
    public void Random_paths_never_make_the_matcher_throw()
    {
        var table = RouteTableRegistry.Tables.Single();
        var pathChar = Gen.OneOf(Gen.Char.AlphaNumeric, Gen.OneOf('/', '/', '/', '%', '.', '-', '_', ' ', 'é', '\u2603', '\ud83d', '\0'));
        var path = Gen.String[pathChar, 0, 60].Select(p => "/" + p);
        var method = Gen.OneOf("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW", "get");
        Gen.Select(path, method).Sample((p, m) =>
        {
            var match = table.Match(p, m);
            return Enum.IsDefined(match.Status) && (match.Status != MatchStatus.Matched || match.RuleIndex < table.Rules.Count);
        }, iter: Cases);
    }

    [Fact]
    public void Random_rules_never_make_the_rule_compiler_throw_anything_but_its_own_error()
    {
        // Rule text made of the characters rules are made of: the parser answers with an error, never an exception,
        // and adding the rule at run time either works or throws ArgumentException with a FLG id.
        var ruleChar = Gen.OneOf(Gen.Char.AlphaNumeric, Gen.OneOf('/', '/', '<', '>', ':', '(', ')', ',', '=', '\'', '"', '.', '-', ' ', '%', 'é'));
        var word = Gen.OneOf(Gen.Const("int"), Gen.Const("float"), Gen.Const("path"), Gen.Const("uuid"), Gen.Const("any"), Gen.Const("string"),
            Gen.Const("min="), Gen.Const("max="), Gen.Const("<int:x>"), Gen.Const("<x>"), Gen.Const("<path:x>"), Gen.String[ruleChar, 0, 6]);
        var rule = Gen.String[Gen.Const('/'), 0, 1].SelectMany(start => word.Array[0, 8].Select(words => start + string.Concat(words)));
        var app = new FlaskConformance.FlaskApp();
        int added = 0;
        rule.Sample(text =>
        {
            var parsed = Flagon.Generators.Shared.RuleParser.Parse(text, Flagon.Generators.Shared.RuleParser.AnyConverter);
            try
            {
                app.AddUrlRule(text, (string x) => x, endpoint: $"random{added++}");
            }
            catch (ArgumentException e) when (e.Message.StartsWith("FLG", StringComparison.Ordinal))
            {
            }
            return parsed is not null;
        }, iter: Cases / 10, threads: 1);
    }

    private string? Build(Case c)
    {
        using (harness.App.AppContext())
        {
            try
            {
                return c.Build();
            }
            catch (UrlBuildException)
            {
                return null;
            }
        }
    }
}
