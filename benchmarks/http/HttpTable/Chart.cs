using System.Globalization;
using System.Net;
using System.Text;

namespace Flagon.HttpBenchmarks;

/// <summary>
/// The SVG bar chart of a run, in the manner of the seed's slides 59 and 62: one panel per load test, requests per
/// second per framework, grouped by URL, on a linear scale (so the gaps are seen as they are).
/// </summary>
public static class Chart
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] Colors = ["#c0392b", "#2980b9", "#7f8c8d", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#f1c40f"];

    private const int Width = 960;
    private const int PanelHeight = 250;
    private const int Left = 70;
    private const int Right = 20;
    private const int LegendHeight = 60;

    /// <summary>The chart as SVG text.</summary>
    public static string Svg(Settings settings, Results results)
    {
        var frameworks = settings.Frameworks.Where(f => settings.Paths.Any(p => settings.Tests.Any(t => results.Of(f, p, t).Count > 0))).ToList();
        int height = LegendHeight + settings.Tests.Count * PanelHeight;
        var svg = new StringBuilder();
        svg.AppendLine($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine($"""<rect width="{Width}" height="{height}" fill="white"/>""");
        svg.AppendLine($"""<text x="{Left}" y="22" font-size="16" font-weight="bold">Requests per second on the seed's three URLs (benchmarks/http/run.sh, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, loopback)</text>""");
        int legendX = Left;
        for (int i = 0; i < frameworks.Count; i++)
        {
            svg.AppendLine($"""<rect x="{legendX}" y="36" width="12" height="12" fill="{Colors[i % Colors.Length]}"/><text x="{legendX + 16}" y="46">{Escape(frameworks[i].Name)}</text>""");
            legendX += 24 + frameworks[i].Name.Length * 7;
        }
        for (int t = 0; t < settings.Tests.Count; t++)
        {
            Panel(svg, settings, results, frameworks, settings.Tests[t], LegendHeight + t * PanelHeight);
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, Settings settings, Results results, List<Framework> frameworks, LoadTest test, int top)
    {
        int plotTop = top + 30;
        int plotBottom = top + PanelHeight - 40;
        int plotHeight = plotBottom - plotTop;
        double max = settings.Paths.SelectMany(p => frameworks.Select(f => results.MeanRps(f, p, test) ?? 0)).DefaultIfEmpty(0).Max();
        double scaleMax = NiceCeiling(max);
        svg.AppendLine($"""<text x="{Left}" y="{top + 20}" font-size="14" font-weight="bold">{Escape(test.Title)}</text>""");
        for (int i = 0; i <= 4; i++)
        {
            double value = scaleMax * i / 4;
            double y = plotBottom - plotHeight * i / 4.0;
            svg.AppendLine($"""<line x1="{Left}" y1="{F(y)}" x2="{Width - Right}" y2="{F(y)}" stroke="#ddd"/><text x="{Left - 6}" y="{F(y + 4)}" text-anchor="end">{Compact(value)}</text>""");
        }
        double groupWidth = (Width - Left - Right) / (double)settings.Paths.Count;
        double barWidth = Math.Min(28, (groupWidth - 30) / Math.Max(1, frameworks.Count));
        for (int p = 0; p < settings.Paths.Count; p++)
        {
            var path = settings.Paths[p];
            double groupLeft = Left + p * groupWidth + (groupWidth - barWidth * frameworks.Count) / 2;
            for (int f = 0; f < frameworks.Count; f++)
            {
                if (results.MeanRps(frameworks[f], path, test) is not { } rps)
                {
                    continue;
                }
                double barHeight = scaleMax == 0 ? 0 : plotHeight * rps / scaleMax;
                double x = groupLeft + f * barWidth;
                svg.AppendLine($"""<rect x="{F(x)}" y="{F(plotBottom - barHeight)}" width="{F(barWidth - 2)}" height="{F(barHeight)}" fill="{Colors[f % Colors.Length]}"><title>{Escape(frameworks[f].Name)} {path}: {rps.ToString("N0", Invariant)} requests/s</title></rect>""");
                svg.AppendLine($"""<text x="{F(x + barWidth / 2 - 1)}" y="{F(plotBottom - barHeight - 3)}" text-anchor="middle" font-size="9">{Compact(rps)}</text>""");
            }
            svg.AppendLine($"""<text x="{F(Left + p * groupWidth + groupWidth / 2)}" y="{plotBottom + 18}" text-anchor="middle">{Escape(path)}</text>""");
        }
        svg.AppendLine($"""<line x1="{Left}" y1="{plotBottom}" x2="{Width - Right}" y2="{plotBottom}" stroke="#333"/>""");
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static string Compact(double value) => value >= 10_000 ? (value / 1000).ToString("0", Invariant) + "k"
        : value >= 1000 ? (value / 1000).ToString("0.0", Invariant) + "k" : value.ToString("0", Invariant);

    private static string F(double value) => value.ToString("0.#", Invariant);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
