using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Flagon.Sessions;

/// <summary>
/// Flask's <c>session</c>: values kept for one client between requests, in a cookie that the client can read
/// the size of but not the content of, nor change (ASP.NET Core's Data Protection encrypts and signs it). A
/// tampered or foreign cookie reads as an empty session. Saved after the view when it changed.
/// </summary>
public sealed class Session
{
    /// <summary>The cookie's name (Flask's <c>SESSION_COOKIE_NAME</c> default).</summary>
    public const string CookieName = "session";

    private const string Purpose = "Flagon.Session.v1";
    private readonly Dictionary<string, string> values;

    private Session(Dictionary<string, string> values) => this.values = values;

    /// <summary>Whether the session changed in this request (Flask's <c>session.modified</c>).</summary>
    public bool Modified { get; private set; }

    /// <summary>Whether the session should outlive the browser session (Flask's <c>session.permanent</c>).</summary>
    public bool Permanent { get; set; }

    /// <summary>The value under <paramref name="key"/>, or null; setting null removes it.</summary>
    public string? this[string key]
    {
        get => values.TryGetValue(key, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                Remove(key);
                return;
            }
            values[key] = value;
            Modified = true;
        }
    }

    /// <summary>The keys in the session.</summary>
    public IReadOnlyCollection<string> Keys => values.Keys;

    /// <summary>Whether <paramref name="key"/> is in the session.</summary>
    public bool ContainsKey(string key) => values.ContainsKey(key);

    /// <summary>Removes <paramref name="key"/>; false when it was not there.</summary>
    public bool Remove(string key)
    {
        bool removed = values.Remove(key);
        Modified |= removed;
        return removed;
    }

    /// <summary>Empties the session (Flask's <c>session.clear()</c>), e.g. to log out.</summary>
    public void Clear()
    {
        Modified |= values.Count > 0;
        values.Clear();
    }

    /// <summary>Reads the session from the request's cookie; an unreadable cookie gives an empty session.</summary>
    internal static Session Load(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && Protector(context) is { } protector)
        {
            try
            {
                var json = protector.Unprotect(cookie);
                var values = JsonSerializer.Deserialize(json, SessionJsonContext.Default.DictionaryStringString);
                if (values is not null)
                {
                    return new Session(values);
                }
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
            {
                // Tampered, expired key or another app's cookie: start afresh, as Flask does.
            }
        }
        return new Session(new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>Writes the cookie if the session changed (or deletes it once empty).</summary>
    internal void Save(HttpContext context, App app)
    {
        if (!Modified || context.Response.HasStarted || Protector(context) is not { } protector)
        {
            return;
        }
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = string.Equals(app.Config["SESSION_COOKIE_SECURE"], "true", StringComparison.OrdinalIgnoreCase),
            SameSite = SameSiteMode.Lax,
            Path = string.IsNullOrEmpty(context.Request.PathBase.Value) ? "/" : context.Request.PathBase.Value,
            Expires = Permanent ? DateTimeOffset.UtcNow.AddDays(31) : null,
        };
        if (values.Count == 0)
        {
            context.Response.Cookies.Delete(CookieName, options);
            return;
        }
        var json = JsonSerializer.Serialize(values, SessionJsonContext.Default.DictionaryStringString);
        context.Response.Cookies.Append(CookieName, protector.Protect(json), options);
    }

    private static IDataProtector? Protector(HttpContext context) =>
        context.RequestServices?.GetService(typeof(IDataProtectionProvider)) is IDataProtectionProvider provider ? provider.CreateProtector(Purpose) : null;
}
