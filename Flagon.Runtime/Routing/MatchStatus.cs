namespace Flagon.Routing;

/// <summary>The outcome of matching a path against a <see cref="RouteTable"/>, as Werkzeug's map adapter decides it.</summary>
public enum MatchStatus
{
    /// <summary>No rule matches the path (404).</summary>
    NotFound,

    /// <summary>A rule matches the path and the method.</summary>
    Matched,

    /// <summary>Rules match the path but not the method (405); <see cref="RouteMatch.AllowedMethods"/> says which would.</summary>
    MethodNotAllowed,

    /// <summary>A rule matches the path with a trailing slash added: redirect there (308), as Werkzeug's strict slashes do.</summary>
    RedirectWithSlash,
}
