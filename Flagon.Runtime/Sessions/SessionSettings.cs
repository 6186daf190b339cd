using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Flagon.Sessions;

/// <summary>
/// The session cookie's options, read from Flask's configuration keys: <c>SESSION_COOKIE_NAME</c>,
/// <c>SESSION_COOKIE_DOMAIN</c>, <c>SESSION_COOKIE_PATH</c>, <c>SESSION_COOKIE_HTTPONLY</c>,
/// <c>SESSION_COOKIE_SECURE</c>, <c>SESSION_COOKIE_SAMESITE</c>, <c>PERMANENT_SESSION_LIFETIME</c> (seconds, or a
/// TimeSpan such as <c>7.00:00:00</c>) and <c>SESSION_REFRESH_EACH_REQUEST</c>.
/// </summary>
public sealed record SessionSettings
{
    /// <summary>The cookie's name: <c>session</c>.</summary>
    public string CookieName { get; init; } = Session.CookieName;

    /// <summary>The cookie's domain; null for the request's host only.</summary>
    public string? Domain { get; init; }

    /// <summary>The cookie's path; null for the app's root (its PathBase, or <c>/</c>).</summary>
    public string? Path { get; init; }

    /// <summary>Whether scripts are kept from the cookie: true.</summary>
    public bool HttpOnly { get; init; } = true;

    /// <summary>Whether the cookie goes over HTTPS only; null (the default) sets it for requests that came over HTTPS.</summary>
    public bool? Secure { get; init; }

    /// <summary>The cookie's SameSite mode: Lax.</summary>
    public SameSiteMode SameSite { get; init; } = SameSiteMode.Lax;

    /// <summary>
    /// How long a session lives (Flask's <c>PERMANENT_SESSION_LIFETIME</c>, 31 days): a permanent session's cookie
    /// expires then, and no cookie older than this is accepted, permanent or not.
    /// </summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromDays(31);

    /// <summary>Whether a permanent session's cookie is sent again on every request, to push its expiry forward: true.</summary>
    public bool RefreshEachRequest { get; init; } = true;

    /// <summary>Reads the settings from <paramref name="config"/>, with Flask's defaults for missing keys.</summary>
    /// <exception cref="FormatException">A key holds a value of the wrong kind; the message names it.</exception>
    public static SessionSettings From(IConfiguration config)
    {
        var defaults = new SessionSettings();
        return new SessionSettings
        {
            CookieName = config["SESSION_COOKIE_NAME"] is { Length: > 0 } name ? name : defaults.CookieName,
            Domain = config["SESSION_COOKIE_DOMAIN"] is { Length: > 0 } domain ? domain : null,
            Path = config["SESSION_COOKIE_PATH"] is { Length: > 0 } path ? path : null,
            HttpOnly = Flag(config, "SESSION_COOKIE_HTTPONLY") ?? defaults.HttpOnly,
            Secure = Flag(config, "SESSION_COOKIE_SECURE"),
            SameSite = config["SESSION_COOKIE_SAMESITE"] is { Length: > 0 } sameSite
                ? Enum.TryParse<SameSiteMode>(sameSite, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                    ? mode
                    : throw new FormatException($"SESSION_COOKIE_SAMESITE is '{sameSite}'; use Lax, Strict or None.")
                : defaults.SameSite,
            Lifetime = Duration(config, "PERMANENT_SESSION_LIFETIME") ?? defaults.Lifetime,
            RefreshEachRequest = Flag(config, "SESSION_REFRESH_EACH_REQUEST") ?? defaults.RefreshEachRequest,
        };
    }

    private static bool? Flag(IConfiguration config, string key) => config[key] switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out var value) => value,
        "1" => true,
        "0" => false,
        var text => throw new FormatException($"{key} is '{text}'; use true or false."),
    };

    private static TimeSpan? Duration(IConfiguration config, string key) => config[key] switch
    {
        null or "" => null,
        var text when long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 => TimeSpan.FromSeconds(seconds),
        var text when TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero => span,
        var text => throw new FormatException($"{key} is '{text}'; use a number of seconds or a TimeSpan such as 7.00:00:00."),
    };
}
