using System.Collections.Generic;
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
    /// <summary>FLG0112: replaces <c>Url.For("page", new { pk = 1 })</c> with <c>UrlFor.Page(pk: 1)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedUrlForCodeFix)), Shared]
    public sealed class UseTypedUrlForCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("FLG0112");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } call
                    || !diagnostic.Properties.TryGetValue("typed", out var typed) || typed is null)
                {
                    continue;
                }
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {typed}(…)", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(call, Typed(call, typed)))), equivalenceKey: "UseTypedUrlFor"),
                    diagnostic);
            }
        }

        private static ExpressionSyntax Typed(InvocationExpressionSyntax call, string typed)
        {
            var arguments = new List<ArgumentSyntax>();
            var positional = new[] { "endpoint", "values", "anchor", "external" };
            for (int i = 0; i < call.ArgumentList.Arguments.Count; i++)
            {
                var argument = call.ArgumentList.Arguments[i];
                var name = argument.NameColon?.Name.Identifier.ValueText ?? (i < positional.Length ? positional[i] : null);
                switch (name)
                {
                    case "values" when argument.Expression is AnonymousObjectCreationExpressionSyntax anonymous:
                        foreach (var member in anonymous.Initializers)
                        {
                            var memberName = member.NameEquals?.Name.Identifier.ValueText
                                ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText
                                ?? (member.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
                            arguments.Add(SyntaxFactory.Argument(member.Expression.WithoutTrivia()).WithNameColon(SyntaxFactory.NameColon(memberName!)));
                        }
                        break;
                    case "anchor" or "external":
                        arguments.Add(argument.WithNameColon(SyntaxFactory.NameColon(name)));
                        break;
                }
            }
            return SyntaxFactory.InvocationExpression(SyntaxFactory.ParseExpression(typed), SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)))
                .WithTriviaFrom(call);
        }
    }
}
