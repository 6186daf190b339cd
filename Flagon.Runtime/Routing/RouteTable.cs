using Microsoft.AspNetCore.Http;

namespace Flagon.Routing;

/// <summary>
/// A compiled set of rules: the source generator emits one subclass for the app's own views and one per
/// blueprint. <see cref="Match"/> is a decision tree over path parts written as C# at build time, and
/// <see cref="InvokeAsync"/> binds the values and calls the matched view directly: no reflection.
/// </summary>
public abstract class RouteTable
{
    /// <summary>Every rule of the table, in the order the generator compiled them.</summary>
    public abstract IReadOnlyList<Rule> Rules { get; }

    /// <summary>The HTTP methods the rules name, indexed by the bits of <see cref="RouteMatch.AllowedMethods"/>.</summary>
    public abstract IReadOnlyList<string> MethodNames { get; }

    /// <summary>
    /// Matches a path without allocating. The path is relative to the table's mount point: empty, or
    /// starting with <c>/</c>; it is percent-decoded except for <c>%2F</c> (as ASP.NET Core gives it).
    /// </summary>
    /// <param name="path">The path to match.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    public abstract RouteMatch Match(ReadOnlySpan<char> path, string method);

    /// <summary>Binds the matched rule's values from <paramref name="path"/>, calls its view and writes the response.</summary>
    /// <param name="context">The request.</param>
    /// <param name="path">The same path that was given to <see cref="Match"/>.</param>
    /// <param name="match">A result of <see cref="Match"/> with <see cref="MatchStatus.Matched"/>.</param>
    public abstract ValueTask InvokeAsync(HttpContext context, ReadOnlySpan<char> path, in RouteMatch match);

    /// <summary>
    /// Builds the URL of <paramref name="endpoint"/> if this table has it (null otherwise), by calling the
    /// endpoint's generated typed UrlFor method with the values converted to its parameter types.
    /// </summary>
    /// <param name="endpoint">The endpoint's name within this table (without blueprint name).</param>
    /// <param name="prefix">The path prefix of the table's mount point.</param>
    /// <param name="values">The values to build with.</param>
    /// <param name="anchor">The anchor, or null.</param>
    /// <param name="external">Whether to build an absolute URL.</param>
    public abstract string? BuildUrl(string endpoint, string prefix, UrlValues values, string? anchor, bool external);

    /// <summary>
    /// Calls this table's [ErrorHandler] for <paramref name="error"/>'s status, if it has one, and writes its
    /// response; false when it has none.
    /// </summary>
    public virtual bool TryHandleError(HttpContext context, HttpError error, out ValueTask written)
    {
        written = default;
        return false;
    }

    /// <summary>
    /// Calls this table's most specific [ErrorHandler(typeof(…))] for a view's exception, if one takes it, and
    /// writes its response; false when none does.
    /// </summary>
    public virtual bool TryHandleException(HttpContext context, Exception error, out ValueTask written)
    {
        written = default;
        return false;
    }

    /// <summary>
    /// How specific this table's handler for <paramref name="error"/> is (the depth of its exception type in the
    /// hierarchy), or -1 when it has none: the app compares tables with it.
    /// </summary>
    public virtual int ExceptionHandlerDepth(Exception error) => -1;

    /// <summary>Whether the table has request hooks ([BeforeRequest], [AfterRequest], [TeardownRequest]).</summary>
    public virtual bool HasRequestHooks => false;

    /// <summary>Runs the table's [BeforeRequest] hooks in order; the first non-null answer stops the request there.</summary>
    public virtual Response? RunBeforeRequest(HttpContext context) => null;

    /// <summary>Runs the table's [AfterRequest] hooks in reverse order, each given the response of the one before.</summary>
    public virtual Response RunAfterRequest(HttpContext context, Response response) => response;

    /// <summary>Runs the table's [TeardownRequest] hooks with the exception that ended the request, or null.</summary>
    public virtual void RunTeardownRequest(HttpContext context, Exception? error)
    {
    }

    /// <summary>The <c>Allow</c> header value for a set of method bits: the names, sorted.</summary>
    public string FormatAllow(ulong methods)
    {
        var names = new List<string>();
        for (int bit = 0; bit < MethodNames.Count; bit++)
        {
            if ((methods & (1UL << bit)) != 0)
            {
                names.Add(MethodNames[bit]);
            }
        }
        names.Sort(StringComparer.Ordinal);
        return string.Join(", ", names);
    }
}
