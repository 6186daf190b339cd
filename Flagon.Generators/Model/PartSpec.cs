namespace Flagon.Generators.Model
{
    /// <summary>
    /// One part of a rule between slashes: static text (<paramref name="Variable"/> is -1), or a variable with
    /// optional static text around it (<c>&lt;name&gt;.json</c>). A final part (the <c>path</c> converter)
    /// takes the rest of the path, slashes included, with <paramref name="Suffix"/> the static rest of the rule.
    /// </summary>
    internal sealed record PartSpec(string Prefix, int Variable, string Suffix, bool IsFinal)
    {
        public bool IsStatic => Variable < 0;
    }
}
