using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Flagon.Generators
{
    public sealed partial class RouteGenerator
    {
        /// <summary>Turns symbols into specs. Nothing it returns holds a symbol, a syntax node or the compilation.</summary>
        internal static class Parser
        {
            /// <summary>
            /// The spec of a [Route] view, or null when it cannot be compiled. Errors are not reported here: the
            /// analyzers run the same binder and report them while the user types.
            /// </summary>
            public static ViewSpec? ParseView(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            {
                if (context.TargetSymbol is not IMethodSymbol method)
                {
                    return null;
                }
                var known = KnownTypes.Of(context.SemanticModel.Compilation);
                var errors = new List<BindingError>();
                ViewBinder.CheckView(known, method, errors);
                if (errors.Count > 0)
                {
                    return null;
                }

                var rules = new List<RuleSpec>();
                foreach (var attribute in context.Attributes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rule = ViewBinder.BindRule(known, method, attribute, errors);
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
                if (rules.Count == 0)
                {
                    return null;
                }

                var type = method.ContainingType;
                if (type.IsAbstract && !type.IsStatic)
                {
                    // A blueprint base class: its views are compiled into each [Blueprint] class that derives from it.
                    return null;
                }
                var constructorServices = ConstructorServices(method);
                var api = Parsing.ApiMetadataReader.Read(known, method, context.SemanticModel, cancellationToken, out var parameterDocs);

                return new ViewSpec(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.Name,
                    method.IsStatic,
                    constructorServices,
                    ViewBinder.ClassifyReturn(known, method.ReturnType),
                    BlueprintOf(known, type),
                    rules.ToEquatableArray(),
                    api.Concat(Parsing.EndpointMetadataReader.Read(method)).ToEquatableArray(),
                    AwaitedKind: ViewBinder.ClassifyAwaited(known, method.ReturnType),
                    ParameterDocs: parameterDocs);
            }

            /// <summary>The spec of a [Blueprint] class, or null when it cannot be extended (reported by the analyzers).</summary>
            public static BlueprintSpec? ParseBlueprint(GeneratorAttributeSyntaxContext context)
            {
                if (context.TargetSymbol is not INamedTypeSymbol type || ViewBinder.CheckBlueprint(type) is not null)
                {
                    return null;
                }
                var attribute = context.Attributes[0];
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name || name.Length == 0)
                {
                    return null;
                }
                string? prefix = attribute.NamedArguments.FirstOrDefault(a => a.Key == "UrlPrefix").Value.Value as string;
                return new BlueprintSpec(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                    type.Name,
                    name,
                    prefix,
                    InheritedViews(KnownTypes.Of(context.SemanticModel.Compilation), type));
            }

            /// <summary>
            /// The [Route] views a blueprint inherits from abstract base classes (Flask's Blueprint subclass): compiled
            /// as the blueprint's own, called on the blueprint's instance so that overrides apply. A base view that the
            /// blueprint (or a class between) overrides with [Route] of its own is left to that override.
            /// </summary>
            private static EquatableArray<ViewSpec> InheritedViews(KnownTypes known, INamedTypeSymbol blueprint)
            {
                var views = new List<ViewSpec>();
                var routed = new HashSet<string>(blueprint.GetMembers().OfType<IMethodSymbol>().Where(m => HasRoute(known, m)).Select(m => m.Name), StringComparer.Ordinal);
                for (var type = blueprint.BaseType; type is { IsAbstract: true }; type = type.BaseType)
                {
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                    {
                        if (!HasRoute(known, method) || routed.Contains(method.Name))
                        {
                            continue;
                        }
                        var errors = new List<BindingError>();
                        ViewBinder.CheckView(known, method, errors);
                        var rules = method.GetAttributes()
                            .Where(a => KnownTypes.Is(a.AttributeClass, known.RouteAttribute))
                            .Select(a => ViewBinder.BindRule(known, method, a, errors))
                            .Where(r => r is not null)
                            .Select(r => r!)
                            .ToList();
                        if (errors.Count > 0 || rules.Count == 0 || (!method.IsStatic && ViewBinder.PickConstructor(blueprint) is null))
                        {
                            continue;
                        }
                        var api = Parsing.ApiMetadataReader.Read(known, method, semanticModel: null, CancellationToken.None, out var parameterDocs);
                        views.Add(new ViewSpec(
                            blueprint.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                            method.Name,
                            method.IsStatic,
                            method.IsStatic
                                ? EquatableArray<string>.Empty
                                : ViewBinder.PickConstructor(blueprint)!.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).ToEquatableArray(),
                            ViewBinder.ClassifyReturn(known, method.ReturnType),
                            blueprint.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                            rules.ToEquatableArray(),
                            api.Concat(Parsing.EndpointMetadataReader.Read(method)).ToEquatableArray(),
                            AwaitedKind: ViewBinder.ClassifyAwaited(known, method.ReturnType),
                            ParameterDocs: parameterDocs));
                    }
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => HasRoute(known, m)))
                    {
                        routed.Add(method.Name);
                    }
                }
                return views.ToEquatableArray();
            }

            private static bool HasRoute(KnownTypes known, IMethodSymbol method) => KnownTypes.Has(method, known.RouteAttribute);

            /// <summary>The spec of an [ErrorHandler] method, or null when it cannot be called (reported by the analyzers).</summary>
            public static ErrorHandlerSpec? ParseErrorHandler(GeneratorAttributeSyntaxContext context)
            {
                if (context.TargetSymbol is not IMethodSymbol method)
                {
                    return null;
                }
                var known = KnownTypes.Of(context.SemanticModel.Compilation);
                var errors = new List<BindingError>();
                ViewBinder.CheckView(known, method, errors);
                var arguments = ViewBinder.BindErrorHandler(known, method, errors, ViewBinder.HandledExceptionTypes(known, context.Attributes));
                var codes = context.Attributes
                    .Where(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int)
                    .Select(a => (int)a.ConstructorArguments[0].Value!)
                    .Distinct()
                    .ToList();
                var exceptionTypes = context.Attributes
                    .Where(a => a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is INamedTypeSymbol)
                    .Select(a => (INamedTypeSymbol)a.ConstructorArguments[0].Value!)
                    .Select(t => new ExceptionTypeSpec(t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), Depth(t)))
                    .Distinct()
                    .ToList();
                if (errors.Count > 0 || arguments is null || (codes.Count == 0 && exceptionTypes.Count == 0))
                {
                    return null;
                }
                var type = method.ContainingType;
                return new ErrorHandlerSpec(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.Name,
                    method.IsStatic,
                    ConstructorServices(method),
                    codes.ToEquatableArray(),
                    ViewBinder.ClassifyReturn(known, method.ReturnType),
                    arguments.ToEquatableArray(),
                    BlueprintOf(known, type),
                    exceptionTypes.ToEquatableArray(),
                    ViewBinder.ClassifyAwaited(known, method.ReturnType));
            }

            // What the generated code resolves from services to create an instance view, handler or hook.
            private static EquatableArray<string> ConstructorServices(IMethodSymbol method) =>
                method.IsStatic
                    ? EquatableArray<string>.Empty
                    : ViewBinder.PickConstructor(method.ContainingType)!.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).ToEquatableArray();

            // The blueprint class a member belongs to, or empty for the app's own.
            private static string BlueprintOf(KnownTypes known, INamedTypeSymbol type) =>
                ViewBinder.IsBlueprint(known, type)
                    ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
                    : string.Empty;

            private static int Depth(INamedTypeSymbol type)
            {
                int depth = 0;
                for (var t = type.BaseType; t is not null; t = t.BaseType)
                {
                    depth++;
                }
                return depth;
            }

            /// <summary>
            /// An AddUrlRule call whose rule and options are constants and whose view is a method group or lambda, bound
            /// like a [Route]; null otherwise (the call then runs the run-time path, and the analyzers say so).
            /// </summary>
            public static UrlRuleCallSpec? ParseUrlRuleCall(GeneratorSyntaxContext context, CancellationToken cancellationToken)
            {
                if (context.Node is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation
                    || context.SemanticModel.GetOperation(invocation, cancellationToken) is not Microsoft.CodeAnalysis.Operations.IInvocationOperation operation
                    || !UrlRuleCalls.IsAddUrlRule(KnownTypes.Of(context.SemanticModel.Compilation), operation))
                {
                    return null;
                }
                var known = KnownTypes.Of(context.SemanticModel.Compilation);
                var call = UrlRuleCalls.Read(operation);
                if (call is null || call.View is null)
                {
                    return null;
                }
                var method = call.View;
                if (method.ReturnsVoid || method.Parameters.Length > 16 || method.Parameters.Any(p => p.RefKind != RefKind.None)
                    || ViewBinder.ClassifyReturn(known, method.ReturnType) == ReturnKind.Unsupported
                    || (call.Endpoint is null && method.MethodKind == MethodKind.AnonymousFunction))
                {
                    return null;
                }
                var rule = ViewBinder.BindRule(known, method, call.Rule, call.Endpoint, call.Methods, call.Defaults, call.StrictSlashes, null, new List<BindingError>());
                var location = context.SemanticModel.GetInterceptableLocation(invocation, cancellationToken);
                if (rule is null || location is null)
                {
                    return null;
                }
                // A static method is called directly, as a [Route] view is; a lambda or an instance method through
                // the delegate, which must be a Func (a method with default values gets an unnamed delegate type).
                bool direct = method.IsStatic && method.MethodKind != MethodKind.AnonymousFunction && ViewBinder.IsCallable(method);
                string delegateType = string.Empty;
                if (!direct)
                {
                    if (call.DelegateType is not INamedTypeSymbol { Name: "Func", ContainingNamespace.Name: "System" } func)
                    {
                        return null;
                    }
                    var withNullability = SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
                    delegateType = func.ToDisplayString(withNullability);
                }
                var api = Parsing.ApiMetadataReader.Read(known, method, context.SemanticModel, cancellationToken, out var parameterDocs);
                var view = new ViewSpec(
                    method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.MethodKind == MethodKind.AnonymousFunction ? "lambda" : method.Name,
                    IsStatic: true,
                    EquatableArray<string>.Empty,
                    ViewBinder.ClassifyReturn(known, method.ReturnType),
                    string.Empty,
                    new[] { rule }.ToEquatableArray(),
                    method.MethodKind == MethodKind.AnonymousFunction ? api : api.Concat(Parsing.EndpointMetadataReader.Read(method)).ToEquatableArray(),
                    delegateType,
                    ViewBinder.ClassifyAwaited(known, method.ReturnType),
                    parameterDocs);
                return new UrlRuleCallSpec(location.Version, location.Data, location.GetDisplayLocation(), view, invocation.SyntaxTree.FilePath, invocation.SpanStart);
            }

            /// <summary>The spec of a request hook, or null when it cannot be called (reported by the analyzers).</summary>
            public static HookSpec? ParseHook(GeneratorAttributeSyntaxContext context, HookKind kind)
            {
                if (context.TargetSymbol is not IMethodSymbol method || !ViewBinder.IsCallable(method) || (!method.IsStatic && ViewBinder.PickConstructor(method.ContainingType) is null))
                {
                    return null;
                }
                var known = KnownTypes.Of(context.SemanticModel.Compilation);
                var returnKind = method.ReturnsVoid ? ReturnKind.Void : ViewBinder.ClassifyReturn(known, method.ReturnType);
                bool fits = ViewBinder.HookReturnFits(known, kind, method);
                var arguments = ViewBinder.BindErrorHandler(known, method, new List<BindingError>(), receivesResponse: kind == HookKind.AfterRequest, receivesError: kind == HookKind.TeardownRequest);
                if (!fits || arguments is null)
                {
                    return null;
                }
                var type = method.ContainingType;
                return new HookSpec(
                    kind,
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method.Name,
                    method.IsStatic,
                    ConstructorServices(method),
                    returnKind,
                    arguments.ToEquatableArray(),
                    BlueprintOf(known, type),
                    context.TargetNode.SyntaxTree.FilePath,
                    DocumentOrder(context.TargetNode));
            }

            // The method's index among the methods of its file, in source order. Unlike its character position it
            // does not change when code before it is edited, so such an edit leaves the hook's spec equal (cached).
            private static int DocumentOrder(SyntaxNode method)
            {
                int order = 0;
                var members = method.SyntaxTree.GetRoot().DescendantNodes(static n => n is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax);
                foreach (var member in members)
                {
                    if (member == method)
                    {
                        return order;
                    }
                    if (member is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)
                    {
                        order++;
                    }
                }
                return order;
            }

            public static AppSpec BuildApp(ImmutableArray<ViewSpec> views, ImmutableArray<BlueprintSpec> blueprints, ImmutableArray<ErrorHandlerSpec> errorHandlers,
                ImmutableArray<UrlRuleCallSpec> urlRuleCalls, ImmutableArray<HookSpec> hooks, ImmutableArray<CustomConverterSpec> converters,
                EquatableArray<CustomConverterSpec> referencedConverters = default)
            {
                // The program's own converters first: a name it declares is its own, even if a library declares it too.
                var byName = new Dictionary<string, CustomConverterSpec>(StringComparer.Ordinal);
                foreach (var converter in converters.OrderBy(c => c.TypeName, StringComparer.Ordinal).Concat(referencedConverters))
                {
                    if (!byName.ContainsKey(converter.Name))
                    {
                        byName.Add(converter.Name, converter);
                    }
                }
                return new AppSpec(
                    views
                        .Concat(blueprints.SelectMany(b => b.InheritedViews))
                        .Select(v => ResolveConverters(v, byName))
                        .Where(v => v is not null)
                        .Select(v => v!)
                        .OrderBy(v => v.ContainingType, StringComparer.Ordinal)
                        .ThenBy(v => v.MethodName, StringComparer.Ordinal)
                        .ToEquatableArray(),
                    blueprints.OrderBy(b => b.TypeName, StringComparer.Ordinal).ToEquatableArray(),
                    errorHandlers
                        .OrderBy(h => h.ContainingType, StringComparer.Ordinal)
                        .ThenBy(h => h.MethodName, StringComparer.Ordinal)
                        .ToEquatableArray(),
                    urlRuleCalls
                        .Select(c => ResolveConverters(c.View, byName) is { } view ? c with { View = view } : null)
                        .Where(c => c is not null)
                        .Select(c => c!)
                        .OrderBy(c => c.FilePath, StringComparer.Ordinal).ThenBy(c => c.Position).ToEquatableArray(),
                    hooks.OrderBy(h => h.FilePath, StringComparer.Ordinal).ThenBy(h => h.Order).ToEquatableArray());
            }

            /// <summary>
            /// The view with the uses of the program's own converters resolved against their classes; a rule whose use does
            /// not resolve (an unknown name, another value type, arguments no constructor takes) is left out, and the
            /// analyzers report it (FLG0003, FLG0103, FLG0005). Null when no rule is left.
            /// </summary>
            private static ViewSpec? ResolveConverters(ViewSpec view, Dictionary<string, CustomConverterSpec> converters)
            {
                if (!view.Rules.Any(r => r.Variables.Any(v => v.Converter.Custom is { IsResolved: false })))
                {
                    return view;
                }
                var rules = new List<RuleSpec>();
                foreach (var rule in view.Rules)
                {
                    var variables = new List<VariableSpec>();
                    foreach (var variable in rule.Variables)
                    {
                        if (variable.Converter.Custom is not { IsResolved: false } use)
                        {
                            variables.Add(variable);
                        }
                        else if (converters.TryGetValue(use.Name, out var spec) && spec.ValueTypeName == variable.TypeName
                            && CustomConverters.Resolve(spec, variable.Converter.Arguments, out _) is { } resolved)
                        {
                            variables.Add(variable with { Converter = variable.Converter with { Custom = resolved } });
                        }
                    }
                    if (variables.Count == rule.Variables.Count)
                    {
                        rules.Add(rule with { Variables = variables.ToEquatableArray() });
                    }
                }
                return rules.Count == 0 ? null : view with { Rules = rules.ToEquatableArray() };
            }

            /// <summary>A class marked [RouteConverter], or null when it is not a valid converter (the analyzers say why: FLG0010).</summary>
            public static CustomConverterSpec? ParseConverter(GeneratorAttributeSyntaxContext context) =>
                context.TargetSymbol is INamedTypeSymbol type ? ConverterTypes.Read(KnownTypes.Of(context.SemanticModel.Compilation), type, context.Attributes[0]) : null;
        }
    }
}
