using System.Threading.RateLimiting;

namespace RealWorld.Auth;

/// <summary>
/// Failed logins per client address, with .NET's rate limiting (System.Threading.RateLimiting, which ASP.NET Core's
/// rate limiting middleware is built on): after <c>LOGIN_FAILURES</c> failures (5) within <c>LOGIN_WINDOW_SECONDS</c>
/// (300), the login answers 429 until the window ends. Only failures count: a user who types the right password is
/// never throttled by their own successes.
/// </summary>
public sealed class LoginThrottle(int failures, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = failures,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>How long the client must wait, or null when it may try again.</summary>
    public TimeSpan? Blocked(string client)
    {
        // Asking for no permit tells whether any is left, without using one.
        using var lease = limiter.AttemptAcquire(client, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
    }

    /// <summary>Counts a failed login of <paramref name="client"/>.</summary>
    public void Failed(string client) => limiter.AttemptAcquire(client).Dispose();

    public void Dispose() => limiter.Dispose();
}
