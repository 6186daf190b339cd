namespace RealWorld.Auth;

/// <summary>Where a <c>next=</c> parameter may send the user: only a path of this site, never another host.</summary>
public static class LocalUrl
{
    /// <summary>
    /// Whether <paramref name="url"/> is a local path (<c>/admin/pages</c>), and not <c>//evil.example</c>,
    /// <c>/\evil.example</c>, <c>https://evil.example</c> or a path with control characters.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
