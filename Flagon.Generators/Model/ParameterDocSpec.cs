namespace Flagon.Generators.Model
{
    /// <summary>A view parameter's <c>&lt;param&gt;</c> doc comment, as plain text.</summary>
    internal sealed record ParameterDocSpec(string Name, string Text);
}
