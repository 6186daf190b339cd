using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Flagon.Sessions;

/// <summary>
/// Flask's <c>session</c>: values kept for one client between requests, in a cookie that the client can read
/// the size of but not the content of, nor change (ASP.NET Core's Data Protection encrypts and signs it). A
/// tampered, expired or foreign cookie reads as an empty session. Saved after the view when it changed. The
/// cookie's options come from <see cref="SessionSettings"/>.
/// </summary>
public sealed class Session
{
    /// <summary>The cookie's default name (Flask's <c>SESSION_COOKIE_NAME</c>).</summary>
    public const string CookieName = "session";

    /// <summary>The key under which flashed messages wait for the next request (Flask's <c>_flashes</c>).</summary>
    public const string FlashesKey = "_flashes";

    private const string PermanentKey = "_permanent";
    private const string Purpose = "Flagon.Session.v1";
    private readonly Dictionary<string, string> values;

    private Session(Dictionary<string, string> values) => this.values = values;

    /// <summary>Whether the session changed in this request (Flask's <c>session.modified</c>).</summary>
    public bool Modified { get; private set; }

    /// <summary>
    /// Whether the session should outlive the browser session (Flask's <c>session.permanent</c>): its cookie then
    /// expires after <c>PERMANENT_SESSION_LIFETIME</c> instead of when the browser closes.
    /// </summary>
    public bool Permanent
    {
        get => values.ContainsKey(PermanentKey);
        set
        {
            if (value != Permanent)
            {
                this[PermanentKey] = value ? "true" : null;
            }
        }
    }

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

    /// <summary>Adds a message for the next request to show (Flask's <c>flash</c>).</summary>
    internal void Flash(string message, string category)
    {
        var flashes = ReadFlashes();
        flashes.Add([category, message]);
        this[FlashesKey] = JsonSerializer.Serialize(flashes, SessionJsonContext.Default.ListStringArray);
    }

    /// <summary>Removes and returns the flashed messages, oldest first.</summary>
    internal List<FlashedMessage> TakeFlashes()
    {
        var flashes = ReadFlashes();
        Remove(FlashesKey);
        return [.. flashes.Where(f => f.Length == 2).Select(f => new FlashedMessage(f[0], f[1]))];
    }

    private List<string[]> ReadFlashes()
    {
        if (this[FlashesKey] is not { } json)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize(json, SessionJsonContext.Default.ListStringArray) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Reads the session from the request's cookie; an unreadable or expired cookie gives an empty session.</summary>
    internal static Session Load(HttpContext context, SessionSettings settings)
    {
        if (context.Request.Cookies.TryGetValue(settings.CookieName, out var cookie) && Protector(context) is { } protector)
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
                // Tampered, expired, signed with another key ring, or another app's cookie: start afresh, as Flask does.
            }
        }
        return new Session(new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// Writes the cookie if the session changed, or (permanent sessions, by default) on every request to push its
    /// expiry forward; deletes it once the session is empty.
    /// </summary>
    internal void Save(HttpContext context, SessionSettings settings)
    {
        bool refresh = Permanent && settings.RefreshEachRequest && values.Count > 0;
        if (!(Modified || refresh) || context.Response.HasStarted || Protector(context) is not { } protector)
        {
            return;
        }
        var expires = DateTimeOffset.UtcNow + settings.Lifetime;
        var options = new CookieOptions
        {
            HttpOnly = settings.HttpOnly,
            Secure = settings.Secure ?? context.Request.IsHttps,
            SameSite = settings.SameSite,
            Domain = settings.Domain,
            Path = settings.Path ?? (string.IsNullOrEmpty(context.Request.PathBase.Value) ? "/" : context.Request.PathBase.Value),
            Expires = Permanent ? expires : null,
        };
        if (values.Count == 0)
        {
            context.Response.Cookies.Delete(settings.CookieName, options);
            return;
        }
        var json = JsonSerializer.Serialize(values, SessionJsonContext.Default.DictionaryStringString);
        context.Response.Cookies.Append(settings.CookieName, protector.Protect(json, expires), options);
    }

    // One protector per provider (per app), not one per request.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDataProtectionProvider, ITimeLimitedDataProtector> Protectors = [];

    private static ITimeLimitedDataProtector? Protector(HttpContext context) =>
        context.RequestServices?.GetService(typeof(IDataProtectionProvider)) is IDataProtectionProvider provider
            ? Protectors.GetValue(provider, static p => p.CreateProtector(Purpose).ToTimeLimitedDataProtector())
            : null;
}
