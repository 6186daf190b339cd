namespace Flagon.Routing;

/// <summary>The outcome of matching a path against a <see cref="RouteTable"/>.</summary>
public enum MatchStatus
{
    /// <summary>No rule matches the path (404).</summary>
    NotFound,

    /// <summary>A rule matches the path and the method.</summary>
    Matched,

    /// <summary>A rule matches the path but not the method (405).</summary>
    MethodNotAllowed,
}
