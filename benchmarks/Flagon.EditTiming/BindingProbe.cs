using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.EditTiming;

/// <summary>
/// A generator that does only what any reader of the [Route] views must: find them and bind their attributes and
/// signatures. Run before Flagon's generator, it takes the compiler's binding cost (charged to whoever asks first),
/// so the time left to Flagon's generator is its own.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BindingProbe : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var views = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Flagon.RouteAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, _) =>
            {
                var method = (IMethodSymbol)ctx.TargetSymbol;
                int seen = method.ReturnType.Name.Length + ctx.Attributes.Length;
                foreach (var parameter in method.Parameters)
                {
                    seen += parameter.Type.Name.Length;
                }
                foreach (var attribute in ctx.Attributes)
                {
                    seen += attribute.NamedArguments.Length + attribute.ConstructorArguments.Length;
                }
                return seen;
            });
        context.RegisterSourceOutput(views.Collect(), static (_, _) => { });
    }
}
