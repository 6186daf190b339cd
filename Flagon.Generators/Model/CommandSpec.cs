using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>A [Command] method the generated code registers as one of the app's commands.</summary>
    /// <param name="ContainingType">The declaring type's fully qualified name (global:: form).</param>
    /// <param name="MethodName">The method's name.</param>
    /// <param name="Name">The command's name (<c>create-user</c>).</param>
    /// <param name="Description">What <c>--help</c> says of it, or null.</param>
    /// <param name="Returns">What the method returns: void, int, Task, Task&lt;int&gt;, ValueTask or ValueTask&lt;int&gt;.</param>
    /// <param name="Parameters">Its parameters, in order.</param>
    internal sealed record CommandSpec(string ContainingType, string MethodName, string Name, string? Description, CommandReturn Returns, EquatableArray<CommandParameterSpec> Parameters);

    /// <summary>One parameter of a [Command] method and where its value comes from.</summary>
    /// <param name="Kind">An argument, an option, a service, or the cancellation token.</param>
    /// <param name="Name">The C# parameter's name.</param>
    /// <param name="Type">Its type, fully qualified, with nullable annotations.</param>
    /// <param name="Names">For an option, its name then its aliases (<c>--dry-run</c>); for an argument, its name.</param>
    /// <param name="Description">What <c>--help</c> says of it, or null.</param>
    /// <param name="Default">The C# expression of its default value, or null when it has none.</param>
    /// <param name="Required">An option that must be given, or an argument that may not be left out.</param>
    /// <param name="Many">An array: an argument takes every remaining value, an option may be repeated.</param>
    /// <param name="Optional">A service that may be missing (a nullable parameter: GetService instead of GetRequiredService).</param>
    internal sealed record CommandParameterSpec(CommandParameterKind Kind, string Name, string Type, EquatableArray<string> Names, string? Description, string? Default, bool Required, bool Many, bool Optional);

    /// <summary>Where a [Command] parameter's value comes from.</summary>
    internal enum CommandParameterKind
    {
        Argument,
        Option,
        Service,
        CancellationToken,
    }

    /// <summary>What a [Command] method returns, which decides how its exit code is read.</summary>
    internal enum CommandReturn
    {
        Void,
        Int,
        Task,
        TaskOfInt,
        ValueTask,
        ValueTaskOfInt,
    }
}
