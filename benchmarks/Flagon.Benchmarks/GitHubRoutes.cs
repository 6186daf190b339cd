namespace Flagon.Benchmarks;

/// <summary>One route of the GitHub set, with a request path that exercises it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Pattern">The route as the Go benchmark writes it (<c>/repos/:owner/:repo</c>).</param>
/// <param name="Path">A request path for it, each <c>:param</c> replaced by a sample value.</param>
public sealed record GitHubRoute(string Method, string Pattern, string Path)
{
    /// <summary>The route in ASP.NET Core's syntax: <c>/repos/{owner}/{repo}</c>.</summary>
    public string AspNetPattern => System.Text.RegularExpressions.Regex.Replace(Pattern, ":(\\w+)", "{$1}");

    /// <summary>The endpoint Flagon gives it (generate-github-views.py names them the same way).</summary>
    public string Endpoint
    {
        get
        {
            var name = System.Text.RegularExpressions.Regex.Replace(Pattern.ToLowerInvariant(), "[^a-z0-9]+", "_").Trim('_');
            return Method.ToLowerInvariant() + "_" + (name.Length == 0 ? "root" : name);
        }
    }

    /// <summary>The 203 routes, read from data/github-api-routes.txt next to the program.</summary>
    public static IReadOnlyList<GitHubRoute> Load()
    {
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "github-api-routes.txt");
        return [.. File.ReadLines(file)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new GitHubRoute(parts[0], parts[1], Sample(parts[1])))];
    }

    // The values the Go benchmark uses for its single-route cases, and a plain one elsewhere.
    private static string Sample(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, ":(\\w+)", m => m.Groups[1].Value switch
        {
            "owner" => "julienschmidt",
            "repo" => "httprouter",
            "user" => "gordon",
            _ => "value",
        });
}
