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
using Microsoft.CodeAnalysis.Formatting;

namespace Flagon.Analyzers.CodeFixes
{
    /// <summary>
    /// FLG0202/FLG0201 in setup code that has an app at hand: pushes a context for the rest of the block, with
    /// <c>using var appContext = app.AppContext();</c> (or <c>app.TestRequestContext()</c> for a request context).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PushContextCodeFix)), Shared]
    public sealed class PushContextCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("FLG0201", "FLG0202");

        /// <inheritdoc/>
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var app = model?.Compilation.GetTypeByMetadataName("Flagon.App");
            if (root is null || model is null || app is null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                var statement = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Parent is BlockSyntax);
                if (statement is null)
                {
                    continue;
                }
                // An app in scope: a parameter, or a local declared before the statement.
                var holder = model.LookupSymbols(statement.SpanStart)
                    .Where(s => s is IParameterSymbol or ILocalSymbol)
                    .FirstOrDefault(s => DerivesFrom(s is IParameterSymbol p ? p.Type : ((ILocalSymbol)s).Type, app));
                if (holder is null)
                {
                    continue;
                }
                bool request = diagnostic.Id == "FLG0201";
                string push = request ? "TestRequestContext" : "AppContext";
                string variable = request ? "requestContext" : "appContext";
                context.RegisterCodeFix(
                    CodeAction.Create($"Push a context: using var {variable} = {holder.Name}.{push}();",
                        ct => PushAsync(context.Document, root, statement, $"using var {variable} = {holder.Name}.{push}();", ct), equivalenceKey: push),
                    diagnostic);
            }
        }

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol app)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, app))
                {
                    return true;
                }
            }
            return false;
        }

        private static Task<Document> PushAsync(Document document, SyntaxNode root, StatementSyntax statement, string code, CancellationToken cancellationToken)
        {
            var block = (BlockSyntax)statement.Parent!;
            var push = SyntaxFactory.ParseStatement(code)
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var updated = block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(statement), push));
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(block, updated)));
        }
    }
}
