using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>Werkzeug's converters.</summary>
    internal enum ConverterKind
    {
        String,
        Path,
        Int,
        Float,
        Uuid,
        Any,

        /// <summary>A converter of the program's own (<c>[RouteConverter]</c>).</summary>
        Custom,
    }

    /// <summary>
    /// A converter with its arguments resolved at build time (and clamped to the bound type's range).
    /// <paramref name="Min"/> and <paramref name="Max"/> are C# literals (for the generated code); an int converter's
    /// bounds are also kept as numbers, <paramref name="IntMin"/> and <paramref name="IntMax"/> (for the analyzers).
    /// </summary>
    internal sealed record ConverterSpec(
        ConverterKind Kind,
        string Arguments,
        int MinLength,
        int MaxLength,
        int FixedDigits,
        bool Signed,
        string Min,
        string Max,
        EquatableArray<string> Choices,
        long IntMin = long.MinValue,
        long IntMax = long.MaxValue,
        CustomConverterUse? Custom = null)
    {
        /// <summary>Werkzeug's converter weight: lower is tried first.</summary>
        public int Weight => Custom is { } custom ? custom.Weight : Shared.RuleOrder.Weight(Name);

        /// <summary>Flagon's tie-break between converters of equal weight: the more restrictive first.</summary>
        public int Rank => Shared.RuleOrder.Rank(Name);

        /// <summary>The converter's name as rules write it: <c>int</c>.</summary>
        public string Name => Custom is { } custom ? custom.Name : Kind.ToString().ToLowerInvariant();

        /// <summary>What the order of rules needs of the converter.</summary>
        public Shared.ConverterKey Key => new Shared.ConverterKey(Name, Arguments);

        /// <summary>How the rule shows the converter: <c>int(min=1)</c>.</summary>
        public string Display => Arguments.Length == 0 ? Name : $"{Name}({Arguments})";
    }

    /// <summary>
    /// A rule's use of a converter of the program's own: its name, and once resolved against the program's
    /// <c>[RouteConverter]</c> classes, the class, its weight and the constructor arguments the rule gives it
    /// (<paramref name="Creation"/>, a C# argument list). Unresolved (<paramref name="TypeName"/> empty) in a view's
    /// model, resolved when the app's model is built.
    /// </summary>
    internal sealed record CustomConverterUse(string Name, string TypeName = "", int Weight = 100, string Creation = "")
    {
        public bool IsResolved => TypeName.Length > 0;
    }
}
