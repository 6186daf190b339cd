using System.ComponentModel;

namespace Flagon.Routing;

/// <summary>
/// Where generated code registers the route tables it compiled (from a module initializer), so that
/// <see cref="App"/> finds them without scanning assemblies.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RouteTableRegistry
{
    private static readonly Lock Gate = new();
    private static RouteTable[] tables = [];

    /// <summary>The tables registered so far, in registration order.</summary>
    public static IReadOnlyList<RouteTable> Tables => Volatile.Read(ref tables);

    /// <summary>Registers the route table of an assembly's app-level views. Called by generated code.</summary>
    public static void Register(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        lock (Gate)
        {
            tables = [.. tables, table];
        }
    }
}
