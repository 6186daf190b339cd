using System.Text.Json.Nodes;
using Flagon.Routing;
using Microsoft.OpenApi;

namespace Flagon.OpenApi;

/// <summary>
/// The JSON Schema of the values a rule variable's converter accepts, as Werkzeug's converters define them: an
/// <c>int</c> is an integer with its bounds (0 and up unless signed), a <c>float</c> a number, a <c>uuid</c> a string
/// in uuid format, a <c>string</c> a string of its lengths without '/', a <c>path</c> any string, an <c>any</c> one
/// of its choices; a converter of your own a string matching its regular expression.
/// </summary>
public static class ConverterSchemas
{
    /// <summary>The schema of <paramref name="variable"/>'s values.</summary>
    public static OpenApiSchema For(RuleVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var schema = new OpenApiSchema();
        switch (variable.Converter)
        {
            case "int":
                schema.Type = JsonSchemaType.Integer;
                schema.Format = variable.Type == typeof(long) ? "int64" : "int32";
                schema.Minimum = variable.Minimum;
                schema.Maximum = variable.Maximum;
                if (variable.FixedDigits is { } digits)
                {
                    schema.Description = $"Written with {digits} digits (zero-padded).";
                }
                break;
            case "float":
                schema.Type = JsonSchemaType.Number;
                schema.Format = "double";
                schema.Minimum = variable.Minimum;
                schema.Maximum = variable.Maximum;
                break;
            case "uuid":
                schema.Type = JsonSchemaType.String;
                schema.Format = "uuid";
                break;
            case "any":
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. variable.Choices.Select(c => (JsonNode)JsonValue.Create(c))];
                break;
            case "path":
                schema.Type = JsonSchemaType.String;
                schema.Description = "A path: may contain '/'.";
                break;
            case not "string" when variable.Pattern is { } pattern:
                // A converter of your own: a string its regular expression matches whole.
                schema.Type = JsonSchemaType.String;
                schema.Pattern = $"^(?:{pattern})$";
                break;
            default:
                schema.Type = JsonSchemaType.String;
                schema.MinLength = variable.MinLength;
                schema.MaxLength = variable.MaxLength;
                schema.Pattern = "^[^/]*$";
                break;
        }
        return schema;
    }
}
