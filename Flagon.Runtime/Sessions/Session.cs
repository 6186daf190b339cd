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
            CheckWritable();
            values[key] = value;
            Modified = true;
        }
    }

    /// <summary>The value under <paramref name="key"/> (Flask's <c>session.get(key)</c>), or null.</summary>
    public string? Get(string key) => this[key];

    /// <summary>The value under <paramref name="key"/>, or <paramref name="default"/> when it is not there.</summary>
    public string Get(string key, string @default) => this[key] ?? @default;

    /// <summary>
    /// The value under <paramref name="key"/> read as a <typeparamref name="T"/>, or <paramref name="default"/> when it
    /// is not there or does not read as one: Flask's <c>session.get("visits", 0)</c> is
    /// <c>Session.Get("visits", 0)</c>. Numbers are read culture-invariant, as <see cref="Set{T}"/> writes them.
    /// </summary>
    public T Get<T>(string key, T @default)
        where T : IParsable<T> => MultiDictExtensions.ParseOr(this[key], @default);

    /// <summary>
    /// Keeps <paramref name="value"/> under <paramref name="key"/> as text, culture-invariant (a number, a date), so
    /// that <see cref="Get{T}"/> reads it back: <c>Session.Set("visits", Session.Get("visits", 0) + 1)</c>. A null
    /// value removes the key.
    /// </summary>
    public void Set<T>(string key, T? value) =>
        this[key] = value is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString();

    /// <summary>Removes <paramref name="key"/> and returns its value (Flask's <c>session.pop(key, None)</c>), or null.</summary>
    public string? Pop(string key)
    {
        var value = this[key];
        if (value is not null)
        {
            Remove(key);
        }
        return value;
    }

    /// <summary>The keys in the session.</summary>
    public IReadOnlyCollection<string> Keys => values.Keys;

    /// <summary>Whether <paramref name="key"/> is in the session.</summary>
    public bool ContainsKey(string key) => values.ContainsKey(key);

    /// <summary>Removes <paramref name="key"/>; false when it was not there.</summary>
    public bool Remove(string key)
    {
        if (values.ContainsKey(key))
        {
            CheckWritable();
        }
        bool removed = values.Remove(key);
        Modified |= removed;
        return removed;
    }

    /// <summary>Empties the session (Flask's <c>session.clear()</c>), e.g. to log out.</summary>
    public void Clear()
    {
        if (values.Count > 0)
        {
            CheckWritable();
        }
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
                var json = protector.Unprotect(cookie, out var expiration);
                var values = JsonSerializer.Deserialize(json, SessionJsonContext.Default.DictionaryStringString);
                // The key ring checks the expiry against the system clock; the app's clock (TimeProvider) decides too.
                if (values is not null && expiration > Clock(context).GetUtcNow())
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
    /// Saves the session into <paramref name="response"/> (Flask's <c>save_session</c>): <c>Vary: Cookie</c> since the
    /// response depends on it; the cookie if the session changed, or (permanent sessions, by default) on every request
    /// to push its expiry forward; its deletion once the session is empty. The session is read-only afterwards.
    /// </summary>
    internal void Save(HttpContext context, Response response, SessionSettings settings)
    {
        if (Accessed)
        {
            VaryOnCookie(response);
        }
        Seal();
        bool refresh = Permanent && settings.RefreshEachRequest && values.Count > 0;
        if (!(Modified || refresh) || Protector(context) is not { } protector)
        {
            return;
        }
        VaryOnCookie(response);
        var expires = Clock(context).GetUtcNow() + settings.Lifetime;
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
            options.Expires = DateTimeOffset.UnixEpoch;
            options.MaxAge = TimeSpan.Zero;
            response.SetCookie(settings.CookieName, string.Empty, options);
            return;
        }
        var json = JsonSerializer.Serialize(values, SessionJsonContext.Default.DictionaryStringString);
        response.SetCookie(settings.CookieName, protector.Protect(json, expires), options);
    }

    /// <summary>Whether the request used the session (Flask's <c>session.accessed</c>): its response then varies on <c>Cookie</c>.</summary>
    internal bool Accessed { get; set; }

    // Flask's response.vary.add("Cookie"): once, joined to the values the response already varies on.
    private static void VaryOnCookie(Response response)
    {
        var vary = response.Headers.Vary;
        foreach (var value in vary)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                if (part.Trim().Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        response.Headers.Vary = vary.Count == 0 ? "Cookie" : string.Join(", ", vary.ToArray()) + ", Cookie";
    }

    private bool sealedSession;

    /// <summary>
    /// Makes the session read-only: its cookie is on its way (saved into the response, or the response started). A
    /// change after that would be lost, so it is an error instead.
    /// </summary>
    internal void Seal() => sealedSession = true;

    private void CheckWritable()
    {
        if (sealedSession)
        {
            throw new InvalidOperationException(
                "The session cannot change now: its cookie was already saved into the response (after the after-request hooks) " +
                "or sent with the headers (a streamed body). Change the session in the view, a before-request or after-request hook, " +
                "before a streamed body yields its first piece.");
        }
    }

    /// <summary>The app's clock: the <see cref="TimeProvider"/> among its services, else the system's.</summary>
    private static TimeProvider Clock(HttpContext context) =>
        context.RequestServices?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    // One protector per provider (per app), not one per request.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDataProtectionProvider, ITimeLimitedDataProtector> Protectors = [];

    private static ITimeLimitedDataProtector? Protector(HttpContext context) =>
        context.RequestServices?.GetService(typeof(IDataProtectionProvider)) is IDataProtectionProvider provider
            ? Protectors.GetValue(provider, static p => p.CreateProtector(Purpose).ToTimeLimitedDataProtector())
            : null;
}
