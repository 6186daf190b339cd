namespace Flagon.Routing;

/// <summary>
/// A URL could not be built: Werkzeug's <c>BuildError</c>. The message names the endpoint and what was
/// missing or wrong, e.g. <c>Could not build url for endpoint 'page': 'pk' is 0, below the rule's min of 1.</c>
/// </summary>
public sealed class UrlBuildException : Exception
{
    /// <summary>Creates the exception for <paramref name="endpoint"/>, with the reason.</summary>
    public UrlBuildException(string endpoint, string reason)
        : base($"Could not build url for endpoint '{endpoint}': {reason}")
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    /// <summary>The endpoint whose URL was asked for.</summary>
    public string Endpoint { get; }

    /// <summary>Why it could not be built.</summary>
    public string Reason { get; }
}
