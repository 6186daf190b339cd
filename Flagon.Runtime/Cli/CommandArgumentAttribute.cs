namespace Flagon;

/// <summary>
/// Makes a parameter of a <see cref="CommandAttribute"/> method a positional argument, even with a default value (then
/// the argument may be left out), and describes it for <c>--help</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class CommandArgumentAttribute : Attribute
{
    /// <summary>What <c>--help</c> says of it; without it, the parameter's XML doc when there is one.</summary>
    public string? Description { get; set; }
}
