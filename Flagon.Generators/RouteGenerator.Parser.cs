using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators
{
    public sealed partial class RouteGenerator
    {
        /// <summary>Turns symbols into specs. Nothing it returns holds a symbol, a syntax node or the compilation.</summary>
        internal static class Parser
        {
            public static ViewSpec? ParseView(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            {
                if (context.TargetSymbol is not IMethodSymbol method || !method.IsStatic)
                {
                    return null;
                }

                var rules = new List<RuleSpec>();
                foreach (var attribute in context.Attributes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rule = ParseRule(method, attribute);
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
                if (rules.Count == 0)
                {
                    return null;
                }

                return new ViewSpec(
                    method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.Name,
                    ClassifyReturn(method.ReturnType),
                    rules.ToEquatableArray());
            }

            public static AppSpec BuildApp(ImmutableArray<ViewSpec> views) =>
                new AppSpec(views
                    .OrderBy(v => v.ContainingType, StringComparer.Ordinal)
                    .ThenBy(v => v.MethodName, StringComparer.Ordinal)
                    .ToEquatableArray());

            private static RuleSpec? ParseRule(IMethodSymbol method, AttributeData attribute)
            {
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string pattern)
                {
                    return null;
                }
                var parsed = RuleParser.Parse(pattern);
                if (parsed.Error is not null)
                {
                    // Reported by the analyzer (FLG0001-FLG0004); nothing to compile.
                    return null;
                }

                string endpoint = ToSnakeCase(method.Name);
                var methods = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var named in attribute.NamedArguments)
                {
                    switch (named.Key)
                    {
                        case "Endpoint" when named.Value.Value is string explicitEndpoint:
                            endpoint = explicitEndpoint;
                            break;
                        case "Methods" when !named.Value.IsNull:
                            foreach (var item in named.Value.Values)
                            {
                                if (item.Value is string m)
                                {
                                    methods.Add(m.ToUpperInvariant());
                                }
                            }
                            break;
                    }
                }
                if (methods.Count == 0)
                {
                    methods.Add("GET");
                }
                if (methods.Contains("GET"))
                {
                    methods.Add("HEAD");
                }
                methods.Add("OPTIONS");

                return new RuleSpec(pattern, endpoint, methods.ToEquatableArray(), parsed.IsStatic);
            }

            private static ReturnKind ClassifyReturn(ITypeSymbol type) =>
                type.SpecialType == SpecialType.System_String ? ReturnKind.String : ReturnKind.Unsupported;

            /// <summary>Flask names an endpoint after its function: <c>DefaultPage</c> becomes <c>default_page</c>.</summary>
            internal static string ToSnakeCase(string name)
            {
                var builder = new StringBuilder(name.Length + 4);
                for (int i = 0; i < name.Length; i++)
                {
                    char c = name[i];
                    if (char.IsUpper(c))
                    {
                        bool boundary = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                            || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                        if (boundary && builder.Length > 0 && builder[builder.Length - 1] != '_')
                        {
                            builder.Append('_');
                        }
                        builder.Append(char.ToLowerInvariant(c));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                }
                return builder.ToString();
            }
        }
    }
}
