using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.Analyzers.CodeFixes
{
    /// <summary>
    /// FLG0102 (a view parameter that nothing fills): give it a default value, as a Flask view gives its argument a
    /// default (<c>def page(pk=1)</c>); or, when the body does not use it, remove it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnfilledParameterCodeFix)), Shared]
    public sealed class UnfilledParameterCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("FLG0102");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                var parameter = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault();
                if (parameter is not { Parent: ParameterListSyntax list, Parent.Parent: BaseMethodDeclarationSyntax method } || parameter.Default is not null)
                {
                    continue;
                }
                string name = parameter.Identifier.ValueText;

                // Every parameter after it needs a default too, or the method would not compile.
                var after = list.Parameters.SkipWhile(p => p != parameter).Skip(1);
                if (after.All(p => p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword)))
                {
                    var withDefault = parameter.WithIdentifier(parameter.Identifier.WithTrailingTrivia())
                        .WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression))
                            .WithLeadingTrivia(SyntaxFactory.Space));
                    context.RegisterCodeFix(
                        CodeAction.Create($"Give '{name}' a default value", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, withDefault))),
                            equivalenceKey: "DefaultParameter:" + name),
                        diagnostic);
                }

                // Removing it is offered only when nothing in the method names it.
                var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                bool used = body is not null && body.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);
                if (!used)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Remove parameter '{name}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(
                            root.ReplaceNode(list, list.WithParameters(list.Parameters.Remove(parameter))))),
                            equivalenceKey: "RemoveParameter:" + name),
                        diagnostic);
                }
            }
        }
    }
}
