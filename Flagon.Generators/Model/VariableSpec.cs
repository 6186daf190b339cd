using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>The C# type a rule value binds to.</summary>
    internal enum ValueKind
    {
        String,
        Int32,
        Int64,
        Double,
        Single,
        Guid,
        Enum,

        /// <summary>The value type of a converter of the program's own.</summary>
        Custom,
    }

    /// <summary>A rule variable bound to a view parameter.</summary>
    /// <param name="Name">The variable's (and parameter's) name.</param>
    /// <param name="Converter">Its converter.</param>
    /// <param name="Kind">The parameter's value type.</param>
    /// <param name="TypeName">The parameter's type without nullability, fully qualified.</param>
    /// <param name="IsNullable">Whether the parameter is a nullable value type or a nullable reference.</param>
    /// <param name="EnumMembers">For enums: the C# member names, in the order of the converter's choices.</param>
    internal sealed record VariableSpec(string Name, ConverterSpec Converter, ValueKind Kind, string TypeName, bool IsNullable, EquatableArray<string> EnumMembers);
}
