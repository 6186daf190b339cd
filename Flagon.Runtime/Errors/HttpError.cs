using Flagon.Http;

namespace Flagon;

/// <summary>
/// An HTTP error, as Werkzeug's <c>HTTPException</c>: a status code with Werkzeug's name and description. Raise it
/// with <see cref="Globals.Abort(int, string?)"/>; error handlers receive it (<c>e.Code</c> is the status), and
/// <c>[ErrorHandler(typeof(HttpError))]</c> takes every HTTP error no more specific handler takes. Subclass it for
/// errors of your own (<c>class PaymentRequired() : HttpError(402)</c>).
/// </summary>
public class HttpError : Exception
{
    private readonly Response? response;

    /// <summary>Creates the error for <paramref name="code"/>, with Werkzeug's description unless one is given.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not an HTTP status (100–999).</exception>
    public HttpError(int code, string? description = null, Exception? innerException = null)
        : base($"{code} {ErrorPages.Describe(code).Name}: {description ?? ErrorPages.Describe(code).Description}", innerException)
    {
        if (code is < 100 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "An HTTP status code is a number from 100 to 999.");
        }
        Code = code;
        Name = ErrorPages.Describe(code).Name;
        Description = description ?? ErrorPages.Describe(code).Description;
    }

    /// <summary>
    /// An error that answers with <paramref name="response"/> as it is (Werkzeug's <c>abort(response)</c>): no error
    /// handler runs for it unless one is registered for its status.
    /// </summary>
    public HttpError(Response response)
        : this((response ?? throw new ArgumentNullException(nameof(response))).Status)
    {
        this.response = response;
    }

    /// <summary>The status code.</summary>
    public int Code { get; }

    /// <summary>The status name: <c>Not Found</c>.</summary>
    public string Name { get; }

    /// <summary>What happened, for the user: Werkzeug's text by default, or the one given to <c>Abort</c>.</summary>
    public string Description { get; }

    /// <summary>
    /// The response sent when no handler takes the error (Werkzeug's <c>get_response</c>): the response given to
    /// <c>Abort(response)</c>, else Werkzeug's small HTML page with the name and the description.
    /// </summary>
    public virtual Response GetResponse() => response ?? new Response(ErrorPages.Render(Code, Name, Description), Code);
}
