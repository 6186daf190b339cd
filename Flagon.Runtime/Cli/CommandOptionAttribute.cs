namespace Flagon;

/// <summary>
/// Makes a parameter of a <see cref="CommandAttribute"/> method an option, even without a default value (then the
/// option is required), and names it: <c>[CommandOption("--user", "-u")] string username</c>. Without names, the option
/// is the parameter's name in kebab case (<c>--username</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class CommandOptionAttribute : Attribute
{
    /// <summary>An option named after the parameter, or as <paramref name="names"/> say (the first is its name, the others aliases).</summary>
    public CommandOptionAttribute(params string[] names) => Names = names;

    /// <summary>The option's name and aliases, as given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>What <c>--help</c> says of it; without it, the parameter's XML doc when there is one.</summary>
    public string? Description { get; set; }
}
