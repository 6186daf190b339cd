namespace Flagon.Routing;

/// <summary>
/// A variable of a rule as the generator resolved it at build time: its converter (given in the rule, or inferred
/// from the view parameter's type), the parameter's type, the values the converter accepts, and the parameter's
/// <c>&lt;param&gt;</c> doc comment. Each rule's endpoint carries one per variable, in rule order, for tooling such as
/// the OpenAPI document (<c>context.GetEndpoint()?.Metadata.GetOrderedMetadata&lt;RuleVariable&gt;()</c>).
/// </summary>
/// <param name="Name">The variable's (and view parameter's) name: <c>pk</c> in <c>/page/&lt;int:pk&gt;</c>.</param>
/// <param name="Converter">The converter's name: <c>string</c>, <c>path</c>, <c>int</c>, <c>float</c>, <c>uuid</c>, <c>any</c>, or one of your own.</param>
/// <param name="Type">The view parameter's type (without nullability).</param>
public sealed record RuleVariable(string Name, string Converter, Type Type)
{
    /// <summary>The converter's arguments as written in the rule (<c>min=1, max=99</c>), or empty.</summary>
    public string Arguments { get; init; } = string.Empty;

    /// <summary>For <c>int</c> and <c>float</c>: the smallest value accepted, as a JSON number (<c>0</c> when unsigned), or null for none below the type's.</summary>
    public string? Minimum { get; init; }

    /// <summary>For <c>int</c> and <c>float</c>: the largest value accepted, as a JSON number, or null for none below the type's.</summary>
    public string? Maximum { get; init; }

    /// <summary>For <c>string</c>: the shortest value accepted (1 unless <c>minlength</c> or <c>length</c> says).</summary>
    public int? MinLength { get; init; }

    /// <summary>For <c>string</c>: the longest value accepted, or null for no limit.</summary>
    public int? MaxLength { get; init; }

    /// <summary>For <c>int</c>: the number of digits with <c>fixed_digits</c>, or null.</summary>
    public int? FixedDigits { get; init; }

    /// <summary>For <c>any</c>: the values accepted, as they appear in URLs.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For a converter of your own: what it matches (its <see cref="RouteConverter{T}.Regex"/>), or null.</summary>
    public string? Pattern { get; init; }

    /// <summary>The view parameter's <c>&lt;param&gt;</c> doc comment, as plain text, or null.</summary>
    public string? Description { get; init; }
}
