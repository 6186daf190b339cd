using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using static Parlot.Fluent.Parsers;

namespace Flagon.Templates;

/// <summary>
/// Fluid's Liquid parser with what Jinja2 users write on top: function calls (<c>url_for("index")</c>); layouts with
/// <c>{% extends "base.html" %}</c>, <c>{% block name %}…{% endblock %}</c> and <c>{{ super() }}</c>;
/// <c>{% include "nav.html" %}</c>; and macros taken from another file with <c>{% from "forms.html" import field %}</c>
/// or <c>{% import "forms.html" as forms %}</c>, all found in the app's template folders and built on Fluid.Core's
/// public extension points. Rendering is driven by <see cref="TemplateEngine"/>.
/// </summary>
internal sealed class TemplateParser : FluidParser
{
    /// <summary>Ambient value: the engine rendering this context.</summary>

    /// <summary>Ambient value: block name → the definitions that fill it, the most derived template's first.</summary>
    internal const string BlocksKey = "flagon.blocks";

    /// <summary>Ambient value: true while a child template is read for its blocks rather than written.</summary>
    internal const string CollectingKey = "flagon.collecting";

    /// <summary>Ambient value: the template named by the last <c>extends</c> tag run.</summary>
    internal const string ExtendsKey = "flagon.extends";

    /// <summary>Ambient value: while a file is read for its macros, the names of those it defines.</summary>
    private const string DefinedMacrosKey = "flagon.macros";

    /// <summary>Ambient value: the block being written (a <see cref="BlockFrame"/>), which <c>super()</c> continues.</summary>
    private const string BlockFrameKey = "flagon.block";

    public static readonly TemplateParser Instance = new();

    /// <summary>
    /// Jinja2's <c>super()</c>: inside a block, the same block as the next template up the <c>extends</c> chain
    /// defines it, rendered (not escaped again).
    /// </summary>
    public static readonly FunctionValue SuperFunction = FunctionValue.Create(Super);

    private TemplateParser()
        : base(new FluidParserOptions { AllowFunctions = true })
    {
        RegisterExpressionTag("extends", static async (expression, writer, encoder, context) =>
        {
            context.AmbientValues[ExtendsKey] = (await expression.EvaluateAsync(context)).ToStringValue(context);
            return Completion.Normal;
        });
        RegisterIdentifierBlock("block", static (name, statements, writer, encoder, context) => RenderBlockAsync(name, statements, writer, encoder, context));
        RegisterExpressionTag("include", static async (expression, writer, encoder, context) =>
        {
            var name = (await expression.EvaluateAsync(context)).ToStringValue(context);
            await TemplateEngine.Of(context).Load(name).Template.RenderAsync(writer, encoder, context);
            return Completion.Normal;
        });
        // Jinja2's macros: arguments by position, then by name in any order, the rest from their defaults (Fluid's own
        // macro tag maps named arguments by their position in the call).
        RegisterParserBlock("macro",
            Identifier.AndSkip(LParen).And(ZeroOrOne(Separated(Comma, Identifier.And(ZeroOrOne(Equal.SkipAnd(Primary)))))).AndSkip(RParen),
            static async (signature, statements, writer, encoder, context) =>
            {
                var (name, optional) = signature;
                // ZeroOrOne gives a list of none or one: the parameter list, and each parameter's default.
                var parameters = optional.Count == 0 ? [] : optional[0].Select(p => (p.Item1, p.Item2.Count == 0 ? null! : p.Item2[0])).ToList();
                context.SetValue(name, await Macro.DefineAsync(name, parameters, statements, encoder, context));
                if (context.AmbientValues.TryGetValue(DefinedMacrosKey, out var defined) && defined is List<string> names)
                {
                    names.Add(name);
                }
                return Completion.Normal;
            });
        // Fluid's own 'from' looks for "<name>.liquid" through TemplateOptions.FileProvider; Flagon's looks in the
        // app's template folders like extends and include, and adds Jinja2's 'import … as'.
        RegisterParserTag("from", Primary.AndSkip(Terms.Text("import")).And(Separated(Comma, Identifier)),
            static async (x, writer, encoder, context) =>
            {
                var macros = await MacrosOfAsync(x.Item1, encoder, context);
                foreach (var name in x.Item2)
                {
                    if (!macros.TryGetValue(name, out var macro))
                    {
                        var file = (await x.Item1.EvaluateAsync(context)).ToStringValue(context);
                        throw new InvalidOperationException($"Template '{file}' has no macro '{name}' to import; it defines: {(macros.Count == 0 ? "none" : string.Join(", ", macros.Keys))}.");
                    }
                    context.SetValue(name, macro);
                }
                return Completion.Normal;
            });
        RegisterParserTag("import", Primary.AndSkip(Terms.Text("as")).And(Identifier),
            static async (x, writer, encoder, context) =>
            {
                var macros = await MacrosOfAsync(x.Item1, encoder, context);
                context.SetValue(x.Item2, DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(macros)));
                return Completion.Normal;
            });
    }

    /// <summary>Runs the template named by <paramref name="file"/> in a scope of its own and returns the macros it defines.</summary>
    private static async ValueTask<Dictionary<string, FluidValue>> MacrosOfAsync(Expression file, TextEncoder encoder, TemplateContext context)
    {
        var template = TemplateEngine.Of(context).Load((await file.EvaluateAsync(context)).ToStringValue(context));
        var macros = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        var names = new List<string>();
        context.AmbientValues.TryGetValue(DefinedMacrosKey, out var outer);
        context.AmbientValues[DefinedMacrosKey] = names;
        try
        {
            using var scope = context.EnterScope(ScopeBehavior.Local);
            await template.Template.RenderAsync(NullOutput.Instance, encoder, context);
            foreach (var name in names)
            {
                if (context.GetValue(name) is FunctionValue macro)
                {
                    macros[name] = macro;
                }
            }
        }
        finally
        {
            context.AmbientValues[DefinedMacrosKey] = outer!;
        }
        return macros;
    }

    private static async ValueTask<Completion> RenderBlockAsync(string name, IReadOnlyList<Statement> statements, IFluidOutput writer, TextEncoder encoder, TemplateContext context)
    {
        var blocks = context.AmbientValues.TryGetValue(BlocksKey, out var value) ? (Dictionary<string, List<IReadOnlyList<Statement>>>)value : null;
        if (blocks is null)
        {
            return await WriteAllAsync(statements, writer, encoder, context);
        }
        if (context.AmbientValues.TryGetValue(CollectingKey, out var collecting) && collecting is true)
        {
            // Reading a child template: every definition is kept, the most derived first, for super(); blocks
            // nested in it are read too, so a deeper child can still replace them.
            if (!blocks.TryGetValue(name, out var definitions))
            {
                blocks[name] = definitions = [];
            }
            definitions.Add(statements);
            await WriteAllAsync(statements, NullOutput.Instance, encoder, context);
            return Completion.Normal;
        }
        // Writing: the most derived definition wins; this template's own one comes last in the chain.
        var chain = blocks.TryGetValue(name, out var derived) ? derived : [];
        if (!chain.Contains(statements))
        {
            chain = [.. chain, statements];
        }
        return await WriteDefinitionAsync(new BlockFrame(name, chain, 0, encoder), writer, context);
    }

    private static async ValueTask<Completion> WriteDefinitionAsync(BlockFrame frame, IFluidOutput writer, TemplateContext context)
    {
        context.AmbientValues.TryGetValue(BlockFrameKey, out var outer);
        context.AmbientValues[BlockFrameKey] = frame;
        try
        {
            return await WriteAllAsync(frame.Chain[frame.Index], writer, frame.Encoder, context);
        }
        finally
        {
            context.AmbientValues[BlockFrameKey] = outer!;
        }
    }

    private static async ValueTask<FluidValue> Super(FunctionArguments arguments, TemplateContext context)
    {
        if (context.AmbientValues.TryGetValue(CollectingKey, out var collecting) && collecting is true)
        {
            return StringValue.Empty;
        }
        if (!context.AmbientValues.TryGetValue(BlockFrameKey, out var value) || value is not BlockFrame frame)
        {
            throw new InvalidOperationException("super() can only be called inside a {% block %} of a template that extends another.");
        }
        if (frame.Index + 1 >= frame.Chain.Count)
        {
            throw new InvalidOperationException($"super() in block '{frame.Name}': no parent template defines that block.");
        }
        var writer = new StringOutput();
        await WriteDefinitionAsync(frame with { Index = frame.Index + 1 }, writer, context);
        return StringValue.Create(writer.ToString(), encode: false);
    }

    private static async ValueTask<Completion> WriteAllAsync(IReadOnlyList<Statement> statements, IFluidOutput writer, TextEncoder encoder, TemplateContext context)
    {
        foreach (var statement in statements)
        {
            var completion = await statement.WriteToAsync(writer, encoder, context);
            if (completion != Completion.Normal)
            {
                return completion;
            }
        }
        return Completion.Normal;
    }

    /// <summary>A block being written: its definitions (the most derived first) and which one is written now.</summary>
    private sealed record BlockFrame(string Name, List<IReadOnlyList<Statement>> Chain, int Index, TextEncoder Encoder);
}
