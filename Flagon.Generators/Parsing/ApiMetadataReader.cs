using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.Generators.Parsing
{
    /// <summary>
    /// What the generator knows about a view that describes it as an API, as ASP.NET Core's own endpoint metadata (the
    /// metadata ASP.NET Core's OpenAPI document reads): the doc comment's summary and remarks
    /// (<c>EndpointSummaryAttribute</c>, <c>EndpointDescriptionAttribute</c>), the JSON a view returns
    /// (<c>ProducesResponseTypeMetadata</c>) and the JSON it reads with <c>Request.Json&lt;T&gt;()</c>
    /// (<c>AcceptsMetadata</c>). They come before the view's attributes, so that an explicit <c>[EndpointSummary]</c>
    /// or <c>[ProducesResponseType]</c> wins.
    /// </summary>
    internal static class ApiMetadataReader
    {
        private const string JsonContentType = "new[] { \"application/json\" }";

        /// <param name="known">The compilation's known types.</param>
        /// <param name="method">The view.</param>
        /// <param name="semanticModel">The model of the tree the view is declared in, to find its <c>Request.Json&lt;T&gt;()</c> calls; null to skip them.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <param name="parameters">The <c>&lt;param&gt;</c> docs of the view's parameters.</param>
        public static EquatableArray<string> Read(KnownTypes known, IMethodSymbol method, SemanticModel? semanticModel, CancellationToken cancellationToken,
            out EquatableArray<ParameterDocSpec> parameters)
        {
            var expressions = new List<string>();
            var doc = DocComment.Read(method, cancellationToken);
            if (doc?.Summary is { } summary)
            {
                expressions.Add($"new global::Microsoft.AspNetCore.Http.EndpointSummaryAttribute({Literal(summary)})");
            }
            if (doc?.Remarks is { } remarks)
            {
                expressions.Add($"new global::Microsoft.AspNetCore.Http.EndpointDescriptionAttribute({Literal(remarks)})");
            }
            parameters = doc is null
                ? EquatableArray<ParameterDocSpec>.Empty
                : doc.Parameters.Select(p => new ParameterDocSpec(p.Key, p.Value)).ToEquatableArray();

            if (JsonReturned(known, method.ReturnType) is { } returned)
            {
                expressions.Add($"new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(200, typeof({TypeOf(returned)}), {JsonContentType})");
            }
            if (semanticModel is not null && JsonRead(known, method, semanticModel, cancellationToken) is { } read)
            {
                expressions.Add($"new global::Microsoft.AspNetCore.Http.Metadata.AcceptsMetadata({JsonContentType}, typeof({TypeOf(read)}), false)");
            }
            return expressions.ToEquatableArray();
        }

        /// <summary>The type a view writes as JSON (its return type, or what its task returns), or null.</summary>
        private static ITypeSymbol? JsonReturned(KnownTypes known, ITypeSymbol type)
        {
            if (ViewBinder.ClassifyReturn(known, type) == ReturnKind.Json)
            {
                return type;
            }
            return ViewBinder.ClassifyAwaited(known, type) == ReturnKind.Json ? ((INamedTypeSymbol)type).TypeArguments[0] : null;
        }

        /// <summary>The <c>T</c> of the first <c>Request.Json&lt;T&gt;()</c> call in the view's body, or null.</summary>
        private static ITypeSymbol? JsonRead(KnownTypes known, IMethodSymbol method, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != semanticModel.SyntaxTree)
                {
                    continue;
                }
                foreach (var invocation in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name,
                        SimpleNameSyntax simple => simple,
                        _ => null,
                    };
                    if (name is GenericNameSyntax { Identifier.ValueText: "Json", TypeArgumentList.Arguments.Count: 1 }
                        && semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { TypeArguments.Length: 1 } called
                        && KnownTypes.Is(called.ContainingType, known.Request)
                        && called.TypeArguments[0].TypeKind != TypeKind.TypeParameter)
                    {
                        return called.TypeArguments[0];
                    }
                }
            }
            return null;
        }

        // typeof() takes no nullable reference annotation: List<string?> is written List<string>.
        private static string TypeOf(ITypeSymbol type) =>
            type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
    }
}
