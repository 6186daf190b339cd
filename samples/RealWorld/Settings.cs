namespace RealWorld;

/// <summary>settings.py: defaults, which appsettings.json, the environment and the command line override.</summary>
public sealed class Settings
{
    public string SITE_NAME { get; init; } = "Flagon real world";

    public string ADMIN_PREFIX { get; init; } = "/admin";

    public int PAGE_SIZE { get; init; } = 10;

    /// <summary>Where the Redis extension connects (the seed's slide 41).</summary>
    public string REDIS_URL { get; init; } = "redis://localhost:6379/0";
}
