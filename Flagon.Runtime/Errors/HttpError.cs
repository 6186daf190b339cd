using Flagon.Http;

namespace Flagon;

/// <summary>
/// An HTTP error, as Werkzeug's <c>HTTPException</c>: a status code with Werkzeug's name and description.
/// Error handlers receive it; <c>e.Code</c> is the status.
/// </summary>
public class HttpError : Exception
{
    /// <summary>Creates the error for <paramref name="code"/>, with Werkzeug's description unless one is given.</summary>
    public HttpError(int code, string? description = null, Exception? innerException = null)
        : base($"{code} {ErrorPages.Describe(code).Name}: {description ?? ErrorPages.Describe(code).Description}", innerException)
    {
        Code = code;
        Name = ErrorPages.Describe(code).Name;
        Description = description ?? ErrorPages.Describe(code).Description;
    }

    /// <summary>The status code.</summary>
    public int Code { get; }

    /// <summary>The status name: <c>Not Found</c>.</summary>
    public string Name { get; }

    /// <summary>What happened, for the user: Werkzeug's text by default.</summary>
    public string Description { get; }
}
