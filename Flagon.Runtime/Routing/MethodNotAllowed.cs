namespace Flagon.Routing;

/// <summary>
/// Werkzeug's <c>MethodNotAllowed</c>: some rule takes the URL, but not with the request's method. Its page, and any
/// 405 handler's, carries the <c>Allow</c> header.
/// </summary>
public sealed class MethodNotAllowed : HttpError
{
    /// <summary>Creates the error for the methods the URL takes.</summary>
    public MethodNotAllowed(IEnumerable<string> validMethods)
        : base(Microsoft.AspNetCore.Http.StatusCodes.Status405MethodNotAllowed)
    {
        ValidMethods = [.. validMethods];
        Allow = string.Join(", ", ValidMethods);
    }

    /// <summary>The methods the URL takes, sorted.</summary>
    public IReadOnlyList<string> ValidMethods { get; }

    /// <summary>The <c>Allow</c> header: <c>GET, HEAD, OPTIONS</c>.</summary>
    public string Allow { get; }

    /// <inheritdoc/>
    public override Response GetResponse()
    {
        var response = base.GetResponse();
        response.Headers.Allow = Allow;
        return response;
    }
}
