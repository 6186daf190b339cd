using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace Flagon.Templates;

/// <summary>
/// Fluid's Liquid parser with what Jinja2 users write on top: function calls (<c>url_for("index")</c>), and layouts
/// with <c>{% extends "base.html" %}</c>, <c>{% block name %}…{% endblock %}</c> and <c>{% include "nav.html" %}</c>,
/// all on Fluid.Core's public extension points. Rendering is driven by <see cref="TemplateEngine"/>.
/// </summary>
internal sealed class TemplateParser : FluidParser
{
    /// <summary>Ambient value: the engine rendering this context.</summary>
    internal const string EngineKey = "flagon.engine";

    /// <summary>Ambient value: block name → the statements that fill it (the most derived template's first).</summary>
    internal const string BlocksKey = "flagon.blocks";

    /// <summary>Ambient value: true while a child template is read for its blocks rather than written.</summary>
    internal const string CollectingKey = "flagon.collecting";

    /// <summary>Ambient value: the template named by the last <c>extends</c> tag run.</summary>
    internal const string ExtendsKey = "flagon.extends";

    public static readonly TemplateParser Instance = new();

    private TemplateParser()
        : base(new FluidParserOptions { AllowFunctions = true })
    {
        RegisterExpressionTag("extends", static async (expression, writer, encoder, context) =>
        {
            context.AmbientValues[ExtendsKey] = (await expression.EvaluateAsync(context)).ToStringValue();
            return Completion.Normal;
        });
        RegisterIdentifierBlock("block", static (name, statements, writer, encoder, context) => RenderBlockAsync(name, statements, writer, encoder, context));
        RegisterExpressionTag("include", static async (expression, writer, encoder, context) =>
        {
            var name = (await expression.EvaluateAsync(context)).ToStringValue();
            var engine = (TemplateEngine)context.AmbientValues[EngineKey];
            await engine.Load(name).Template.RenderAsync(writer, encoder, context);
            return Completion.Normal;
        });
    }

    private static async ValueTask<Completion> RenderBlockAsync(string name, IReadOnlyList<Statement> statements, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var blocks = context.AmbientValues.TryGetValue(BlocksKey, out var value) ? (Dictionary<string, IReadOnlyList<Statement>>)value : null;
        if (blocks is null)
        {
            return await WriteAllAsync(statements, writer, encoder, context);
        }
        if (context.AmbientValues.TryGetValue(CollectingKey, out var collecting) && collecting is true)
        {
            // Reading a child template: the most derived definition of a block wins; blocks nested in a newly
            // defined one are read too, so a deeper child can still replace them.
            if (blocks.TryAdd(name, statements))
            {
                await WriteAllAsync(statements, TextWriter.Null, encoder, context);
            }
            return Completion.Normal;
        }
        return await WriteAllAsync(blocks.TryGetValue(name, out var replacement) ? replacement : statements, writer, encoder, context);
    }

    private static async ValueTask<Completion> WriteAllAsync(IReadOnlyList<Statement> statements, TextWriter writer, TextEncoder encoder, TemplateContext context)
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
}
