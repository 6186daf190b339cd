using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>A parameter of a converter's constructor: its name, how a rule's literal is written for it, and whether it may be left out.</summary>
    /// <param name="Name">The parameter's name (a rule's named argument).</param>
    /// <param name="Kind">int, long, double, bool or string: the literals a rule may give it; empty for any other type (never given).</param>
    /// <param name="Optional">Whether it has a default value.</param>
    internal sealed record ConverterParameterSpec(string Name, string Kind, bool Optional);

    /// <summary>
    /// A class of the program marked <c>[RouteConverter("name")]</c> and deriving from <c>RouteConverter&lt;T&gt;</c>:
    /// what rules need to use it.
    /// </summary>
    /// <param name="Name">The name rules use.</param>
    /// <param name="TypeName">The class, fully qualified.</param>
    /// <param name="ValueTypeName">Its T, fully qualified: the type of the parameters it binds to.</param>
    /// <param name="Weight">Werkzeug's weight.</param>
    /// <param name="Constructors">Its public constructors, each a list of parameters.</param>
    internal sealed record CustomConverterSpec(string Name, string TypeName, string ValueTypeName, int Weight, EquatableArray<EquatableArray<ConverterParameterSpec>> Constructors);
}
