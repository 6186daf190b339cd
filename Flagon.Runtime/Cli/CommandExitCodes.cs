using System.ComponentModel;

namespace Flagon.Cli;

/// <summary>
/// Turns what a <see cref="CommandAttribute"/> method returned into an exit code, for generated code: nothing is 0.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CommandExitCodes
{
    /// <summary>A <c>Task</c>: 0 once it completes.</summary>
    public static async Task<int> Of(Task task)
    {
        await task.ConfigureAwait(false);
        return 0;
    }

    /// <summary>A <c>ValueTask</c>: 0 once it completes.</summary>
    public static async Task<int> Of(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return 0;
    }

    /// <summary>A <c>ValueTask&lt;int&gt;</c>: its value.</summary>
    public static Task<int> Of(ValueTask<int> task) => task.AsTask();
}
