using Microsoft.AspNetCore.Http;

namespace Flagon.Routing;

/// <summary>
/// A compiled set of rules: the source generator emits one subclass for the app's own views.
/// <see cref="Match"/> is a decision tree written as C# at build time and <see cref="InvokeAsync"/>
/// calls the matched view directly; nothing here uses reflection.
/// </summary>
public abstract class RouteTable
{
    /// <summary>Every rule of the table, in match priority order.</summary>
    public abstract IReadOnlyList<Rule> Rules { get; }

    /// <summary>Matches a request path (already percent-decoded) and method without allocating.</summary>
    /// <param name="path">The path, starting with <c>/</c>.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    public abstract RouteMatch Match(ReadOnlySpan<char> path, string method);

    /// <summary>Binds the matched rule's values, calls its view and writes the response.</summary>
    public abstract ValueTask InvokeAsync(HttpContext context, RouteMatch match);
}
