using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.Analyzers.CodeFixes
{
    /// <summary>
    /// FLG0201/FLG0202: marks the method or property that uses the context [NeedsRequestContext] or [NeedsAppContext],
    /// moving the requirement to its callers (as one does with [RequiresUnreferencedCode]).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkNeedsContextCodeFix)), Shared]
    public sealed class MarkNeedsContextCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("FLG0201", "FLG0202");

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
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                // The member itself, not a lambda or local function inside it.
                var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>()
                    .FirstOrDefault(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax);
                if (member is null)
                {
                    continue;
                }
                string attribute = diagnostic.Id == "FLG0201" ? "NeedsRequestContext" : "NeedsAppContext";
                string name = member is MethodDeclarationSyntax method ? method.Identifier.ValueText : ((PropertyDeclarationSyntax)member).Identifier.ValueText;
                context.RegisterCodeFix(
                    CodeAction.Create($"Mark '{name}' [{attribute}]", ct => MarkAsync(context.Document, root, member, attribute, ct), equivalenceKey: attribute),
                    diagnostic);
            }
        }

        private static Task<Document> MarkAsync(Document document, SyntaxNode root, MemberDeclarationSyntax member, string attribute, CancellationToken cancellationToken)
        {
            // The file's own line ending.
            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
                ? found
                : SyntaxFactory.LineFeed;
            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.ParseName(attribute))))
                .WithTrailingTrivia(newLine);
            MemberDeclarationSyntax marked;
            if (member.AttributeLists.Count == 0)
            {
                // The member's comments and indentation move in front of the new attribute.
                marked = member.WithoutLeadingTrivia().AddAttributeLists(list.WithLeadingTrivia(member.GetLeadingTrivia()));
            }
            else
            {
                marked = member.AddAttributeLists(list).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            }
            var updated = root.ReplaceNode(member, marked);
            if (updated is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == "Flagon")
                && !member.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString().StartsWith("Flagon", System.StringComparison.Ordinal)))
            {
                updated = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("Flagon")).WithTrailingTrivia(newLine));
            }
            return Task.FromResult(document.WithSyntaxRoot(updated));
        }
    }
}
