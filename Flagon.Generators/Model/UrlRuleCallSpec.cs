namespace Flagon.Generators.Model
{
    /// <summary>An <c>app.AddUrlRule("literal", View, …)</c> call the generator compiles and intercepts.</summary>
    /// <param name="Version">The interceptable location's version.</param>
    /// <param name="Data">The interceptable location's data (it encodes the file's checksum and the position).</param>
    /// <param name="Display">Where the call is, for a comment: <c>Program.cs(12,5)</c>.</param>
    /// <param name="View">The view and its one rule; <see cref="ViewSpec.DelegateType"/> is set for lambdas and instance methods.</param>
    /// <param name="FilePath">The file of the call, to number calls in source order.</param>
    /// <param name="Position">The call's position in its file.</param>
    internal sealed record UrlRuleCallSpec(int Version, string Data, string Display, ViewSpec View, string FilePath, int Position);
}
