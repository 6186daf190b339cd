using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Flagon.Templates;

/// <summary>
/// A template macro (<c>{% macro field(name, label, value="") %}…{% endmacro %}</c>) as Jinja2 calls it: arguments
/// by position first, then by name in any order; missing ones take their defaults (evaluated once, where the macro
/// is defined) or nil. Too many arguments, or a name the macro does not have, is an error that says so. What it
/// writes is returned as markup, not escaped again where it is called.
/// </summary>
internal static class Macro
{
    public static async ValueTask<FunctionValue> DefineAsync(string name, IReadOnlyList<ValueTuple<string, Expression>> parameters, IReadOnlyList<Statement> statements, TextEncoder encoder, TemplateContext definedIn)
    {
        var defaults = new FluidValue[parameters.Count];
        for (int i = 0; i < parameters.Count; i++)
        {
            defaults[i] = parameters[i].Item2 is { } expression ? await expression.EvaluateAsync(definedIn) : NilValue.Instance;
        }
        return FunctionValue.Create(async (arguments, context) =>
        {
            // Fluid lists named arguments among the positional ones too: the positional ones are those before them.
            int positional = arguments.Count;
            foreach (var named in arguments.Names)
            {
                positional--;
                if (IndexOf(parameters, named) < 0)
                {
                    throw new InvalidOperationException($"macro '{name}' has no argument '{named}'; its arguments: {string.Join(", ", parameters.Select(p => p.Item1))}.");
                }
            }
            if (positional > parameters.Count)
            {
                throw new InvalidOperationException($"macro '{name}' takes {parameters.Count} argument(s), {positional} given.");
            }
            using (context.EnterScope(ScopeBehavior.Local))
            {
                for (int i = 0; i < parameters.Count; i++)
                {
                    var parameter = parameters[i].Item1;
                    context.SetValue(parameter, i < positional ? arguments.At(i) : arguments.HasNamed(parameter) ? arguments[parameter] : defaults[i]);
                }
                var writer = new StringOutput();
                foreach (var statement in statements)
                {
                    if (await statement.WriteToAsync(writer, encoder, context) != Completion.Normal)
                    {
                        break;
                    }
                }
                return StringValue.Create(writer.ToString(), encode: false);
            }
        });
    }

    private static int IndexOf(IReadOnlyList<ValueTuple<string, Expression>> parameters, string name)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Item1 == name)
            {
                return i;
            }
        }
        return -1;
    }
}
