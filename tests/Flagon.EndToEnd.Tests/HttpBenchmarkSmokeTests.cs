using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The HTTP benchmark (benchmarks/http/run.sh) is timed by hand; this runs it with tiny numbers on every test run
/// (the .NET servers only: Flagon, Minimal APIs, raw Kestrel): it builds and starts each, finds the seed's three pages
/// byte for byte, runs the four loads and writes the table and the chart. Needs ab and wrk (apache2-utils and wrk,
/// installed when missing: <see cref="SystemPackages"/>; the script's own --install does too).
/// </summary>
[Collection(RepositoryBuilds.Name)]
public class HttpBenchmarkSmokeTests
{
    private static readonly string[] Frameworks = ["Flagon", "Minimal APIs", "raw Kestrel"];
    private static readonly string[] Rows = ["`/` (13 bytes)", "`/environ` (2,900 bytes)", "`/template` (191 bytes)"];

    [Fact]
    public async Task The_script_measures_every_server_on_every_page_and_draws_the_chart()
    {
        await SystemPackages.RequireAsync("apache2-utils");
        await SystemPackages.RequireAsync("wrk");
        var output = Directory.CreateTempSubdirectory("flagon-http-smoke-");
        try
        {
            var table = Path.Combine(output.FullName, "table.md");
            var chart = Path.Combine(output.FullName, "chart.svg");
            var log = await DotnetCommand.RunProgramAsync("bash", Repository.Root, TimeSpan.FromMinutes(8),
                "benchmarks/http/run.sh", "--smoke", "--table", table, "--chart", chart);

            Assert.DoesNotContain("BODY CHECK FAILED", log);
            var text = await File.ReadAllTextAsync(table);
            foreach (var heading in new[] { "### ab -c 1", "### ab -c 100", "### wrk -t2 -c100", "### wrk -t2 -c1000", "### Targets" })
            {
                Assert.Contains(heading, text);
            }
            // Every requests-per-second cell of every load, URL and server is a measured, positive number.
            var rpsTables = Regex.Matches(text, @"Requests per second \(higher is better\):\n\n(?<table>(\|.*\n)+)");
            Assert.Equal(4, rpsTables.Count);
            foreach (Match rps in rpsTables)
            {
                var lines = rps.Groups["table"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(["URL", .. Frameworks, "Flagon ÷ Minimal APIs", "Flagon ÷ raw Kestrel"], Cells(lines[0]));
                Assert.Equal(Rows, lines.Skip(2).Select(l => Cells(l)[0]));
                foreach (var line in lines.Skip(2))
                {
                    var cells = Cells(line);
                    foreach (var cell in cells.Skip(1).Take(Frameworks.Length))
                    {
                        Assert.True(double.Parse(cell.Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture) > 0, $"{cells[0]}: {cell}\n{text}");
                    }
                }
            }
            // The chart: one bar (with its tooltip) per server, URL and load.
            var svg = XDocument.Load(chart);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var bars = svg.Descendants(ns + "rect").Select(r => r.Element(ns + "title")?.Value).Where(t => t is not null).ToList();
            Assert.Equal(4 * Frameworks.Length * Rows.Length, bars.Count);
            Assert.Contains(bars, b => b!.StartsWith("Flagon /template: ", StringComparison.Ordinal));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())];
}
