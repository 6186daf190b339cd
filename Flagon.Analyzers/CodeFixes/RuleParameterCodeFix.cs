using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.Analyzers.CodeFixes
{
    /// <summary>
    /// FLG0101 (a rule variable without a parameter): adds the parameter, typed from the converter (<c>&lt;int:pk&gt;</c>
    /// gives <c>int pk</c>), or renames a parameter of that type whose name is no rule variable.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RuleParameterCodeFix)), Shared]
    public sealed class RuleParameterCodeFix : CodeFixProvider
    {
        private static readonly Regex Variable = new Regex(@"^<(?:(?<converter>[A-Za-z_]\w*)(?:\([^)]*\))?:)?(?<name>[A-Za-z_]\w*)>$");
        private static readonly Regex AnyVariable = new Regex(@"<(?:[A-Za-z_]\w*(?:\([^)]*\))?:)?(?<name>[A-Za-z_]\w*)>");

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("FLG0101");

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var match = Variable.Match(text.ToString(diagnostic.Location.SourceSpan));
                var method = root?.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
                if (!match.Success || method is null || root is null)
                {
                    continue;
                }
                string name = match.Groups["name"].Value;
                string type = match.Groups["converter"].Value switch
                {
                    "int" => "int",
                    "float" => "double",
                    "uuid" => "System.Guid",
                    _ => "string",
                };
                context.RegisterCodeFix(
                    CodeAction.Create($"Add parameter '{type} {name}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method,
                        method.AddParameterListParameters(SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(SyntaxFactory.ParseTypeName(type + " ")))))),
                        equivalenceKey: "AddParameter:" + name),
                    diagnostic);

                // A parameter of the converter's type whose name no rule of the view uses: probably a misspelling.
                var rules = string.Join(" ", method.AttributeLists.SelectMany(l => l.Attributes).SelectMany(a => a.ArgumentList?.Arguments ?? default).Select(a => a.Expression.ToString()));
                var variables = AnyVariable.Matches(rules).Cast<Match>().Select(m => m.Groups["name"].Value).ToImmutableHashSet();
                foreach (var parameter in method.ParameterList.Parameters.Where(p => !variables.Contains(p.Identifier.ValueText)
                    && p.Type?.ToString() is { } declared && (declared == type || declared == type.Replace("System.", "") || declared == type + "?")))
                {
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create($"Rename parameter '{parameter.Identifier.ValueText}' to '{name}'", async ct =>
                        {
                            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
                            return model?.GetDeclaredSymbol(parameter, ct) is { } symbol
                                ? await Microsoft.CodeAnalysis.Rename.Renamer.RenameSymbolAsync(document.Project.Solution, symbol, default(Microsoft.CodeAnalysis.Rename.SymbolRenameOptions), name, ct).ConfigureAwait(false)
                                : document.Project.Solution;
                        }, equivalenceKey: "RenameParameter:" + name),
                        diagnostic);
                }
            }
        }
    }
}
