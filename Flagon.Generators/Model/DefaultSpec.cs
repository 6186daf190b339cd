namespace Flagon.Generators.Model
{
    /// <summary>A value from a rule's <c>Defaults</c>: as it would appear in a URL, and as a C# literal.</summary>
    internal sealed record DefaultSpec(string Name, string UrlText, string Literal, ValueKind Kind);
}
