using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>
    /// Flask's "working outside of request context", reported while typing. A member marked [NeedsRequestContext]
    /// (<c>Request</c>, <c>Session</c>, <c>Flash</c>) or [NeedsAppContext] (<c>CurrentApp</c>, <c>G</c>, <c>Url.For</c>,
    /// <c>UrlFor</c>, <c>Template</c>) may be used where a context is sure to exist: views, error handlers, hooks,
    /// template functions, overrides in an App subclass, members carrying the attribute themselves (their callers
    /// then carry the requirement, as with [RequiresUnreferencedCode]), code inside
    /// <c>using (app.TestRequestContext(…))</c> / <c>using (app.AppContext())</c> or after <c>ctx.Push()</c>, code
    /// guarded by <c>if (Globals.HasRequestContext)</c> / <c>HasAppContext</c> (or <c>RequestContext.IsActive</c> /
    /// <c>AppContextScope.IsActive</c>), and FlagonTestCase tests. Elsewhere it
    /// is FLG0201/FLG0202. Also: context used in work started with Task.Run, ThreadPool, new Thread or a Timer from
    /// a view (FLG0203), and Request, Session or G stored in a static member (FLG0204).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContextAnalyzer : DiagnosticAnalyzer
    {
        private enum Need
        {
            None,
            App,
            Request,
        }

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.RequestContextOutsideRequest,
            DiagnosticDescriptors.AppContextOutsideApp,
            DiagnosticDescriptors.ContextInBackgroundWork,
            DiagnosticDescriptors.ContextStoredInStatic);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownTypes.Of(start.Compilation);
                if (known.NeedsRequestContextAttribute is null)
                {
                    return;
                }
                var cancellationToken = start.CancellationToken;
                var addedViews = new System.Lazy<ImmutableHashSet<ISymbol>>(() => Analysis.AddedViews(known, cancellationToken));
                // A member with one of these (or overriding one that has) runs inside a request.
                var entryAttributes = ImmutableHashSet.CreateRange<ISymbol>(SymbolEqualityComparer.Default, new[]
                    {
                        known.RouteAttribute, known.ErrorHandlerAttribute, known.BeforeRequestAttribute, known.AfterRequestAttribute,
                        known.TeardownRequestAttribute, known.TemplateFilterAttribute, known.ContextProcessorAttribute, known.NeedsRequestContextAttribute,
                    }
                    .Where(a => a is not null)
                    .Select(a => a!));
                var analysis = new Analysis(known, entryAttributes, new ConcurrentDictionary<ISymbol, Need>(SymbolEqualityComparer.Default),
                    new ConcurrentDictionary<ISymbol, Need>(SymbolEqualityComparer.Default), addedViews);
                start.RegisterOperationAction(analysis.AnalyzeUse, OperationKind.PropertyReference, OperationKind.Invocation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            });
        }

        // One compilation's analysis: its known types, and what it has decided about members so far.
        private sealed class Analysis
        {
            private readonly KnownTypes known;
            private readonly ImmutableHashSet<ISymbol> entryAttributes;
            // What each referenced member needs, decoded once per compilation (most references are to members that need nothing).
            private readonly ConcurrentDictionary<ISymbol, Need> needs;
            // What each member using a context provides (a view provides a request, ...), decided once per member.
            private readonly ConcurrentDictionary<ISymbol, Need> provided;
            // The methods given to app.AddUrlRule anywhere in the project, found the first time a use would be reported.
            private readonly System.Lazy<ImmutableHashSet<ISymbol>> addedViews;
            private readonly System.Func<ISymbol, Need> needOf;
            private readonly System.Func<ISymbol, Need> providedBy;

            public Analysis(KnownTypes known, ImmutableHashSet<ISymbol> entryAttributes, ConcurrentDictionary<ISymbol, Need> needs,
                ConcurrentDictionary<ISymbol, Need> provided, System.Lazy<ImmutableHashSet<ISymbol>> addedViews)
            {
                this.known = known;
                this.entryAttributes = entryAttributes;
                this.needs = needs;
                this.provided = provided;
                this.addedViews = addedViews;
                needOf = NeedOf;
                providedBy = Provided;
            }

            public void AnalyzeUse(OperationAnalysisContext context)
            {
                ISymbol? target = context.Operation switch
                {
                    IPropertyReferenceOperation property => property.Property,
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                };
                if (target is null)
                {
                    return;
                }
                var need = needs.GetOrAdd(target, needOf);
                if (need == Need.None)
                {
                    return;
                }
                var name = target is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor ? ctor.ContainingType.Name : $"{target.ContainingType.Name}.{target.Name}";
                var syntax = context.Operation.Syntax;

                if (need == Need.Request && BackgroundWork(context.Operation) is { } starter && InEntryPoint(context.ContainingSymbol))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContextInBackgroundWork, syntax.GetLocation(), name, starter));
                    return;
                }
                if (provided.GetOrAdd(context.ContainingSymbol, providedBy) >= need || Lexically(syntax, context.Operation.SemanticModel) >= need || GivenToApp(context.Operation) >= need
                    || Member(context.ContainingSymbol) is IMethodSymbol method && addedViews.Value.Contains(method.OriginalDefinition))
                {
                    return;
                }
                var member = Member(context.ContainingSymbol);
                bool initializer = member is IFieldSymbol or IPropertySymbol;
                if (member is IMethodSymbol { AssociatedSymbol: { } associated })
                {
                    member = associated;
                }
                var (user, fix) = Describe(member, need, initializer);
                context.ReportDiagnostic(Diagnostic.Create(
                    need == Need.Request ? DiagnosticDescriptors.RequestContextOutsideRequest : DiagnosticDescriptors.AppContextOutsideApp,
                    syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add("need", need.ToString()),
                    name,
                    user,
                    fix));
            }

            /// <summary>The code that uses a context, for the message, and how to fix it there.</summary>
            private static (string User, string Fix) Describe(ISymbol? member, Need need, bool initializer)
            {
                string attribute = need == Need.Request ? "[NeedsRequestContext]" : "[NeedsAppContext]";
                string push = need == Need.Request ? "app.TestRequestContext(...)" : "app.AppContext()";
                const string OnceOutside = "read it in a view instead, or push a context around the code that needs it";
                return member switch
                {
                    null => ("this code", $"push one with {push}"),
                    IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => ("the top-level statements", $"push one first with {push}"),
                    IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => ($"the static constructor of '{member.ContainingType.Name}'", $"it runs once, outside any request; {OnceOutside}"),
                    { IsStatic: true } when initializer => ($"the initializer of '{member.ContainingType.Name}.{member.Name}'", $"it runs once, outside any request; {OnceOutside}"),
                    _ when initializer => ($"the initializer of '{member.ContainingType.Name}.{member.Name}'", $"it runs when '{member.ContainingType.Name}' is made; set it from a view instead, or mark the constructors {attribute}"),
                    IMethodSymbol { MethodKind: MethodKind.Constructor } => ($"the constructor of '{member.ContainingType.Name}'", $"mark it {attribute}, or push one with {push}"),
                    _ => ($"'{member.Name}'", $"call it from a view, mark '{member.Name}' {attribute}, or push one with {push}"),
                };
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                var value = Operations.Unwrap(assignment.Value);
                if (value is not IPropertyReferenceOperation { Property: var property } || NeedOf(property) == Need.None
                    || !KnownTypes.Is(property.ContainingType, known.Globals) || property.Name is not ("Request" or "Session" or "G"))
                {
                    return;
                }
                ISymbol? storage = assignment.Target switch
                {
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation { Property.Parameters.Length: 0 } stored => stored.Property,
                    _ => null,
                };
                if (storage is null)
                {
                    return;
                }
                string name = $"{storage.ContainingType.Name}.{storage.Name}";
                string? where = storage.IsStatic ? $"the static member '{name}'"
                    : LongLived(storage.ContainingType) is { } lifetime ? $"'{name}', a member of {lifetime}"
                    : null;
                if (where is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContextStoredInStatic, assignment.Syntax.GetLocation(), $"Globals.{property.Name}", where));
                }
            }

            // Types whose instances live as long as the app, and what they are (null for anything else, such as an
            // instance view, which is made per request): apps, extensions, hosted services and ASP.NET Core middleware.
            private string? LongLived(INamedTypeSymbol type)
            {
                if (KnownTypes.IsOrDerives(type.BaseType, known.App))
                {
                    return "an app, which lives as long as the process";
                }
                if (KnownTypes.Implements(type, known.IExtension))
                {
                    return "an extension, which lives as long as its apps";
                }
                if (KnownTypes.Implements(type, known.IHostedService))
                {
                    return "a hosted service, which lives as long as the host";
                }
                if (type.InstanceConstructors.Any(c => c.Parameters.Any(p => KnownTypes.Is(p.Type, known.RequestDelegate))))
                {
                    return "a middleware, made once for the whole pipeline";
                }
                return null;
            }

            // What a member (or the class declaring it) says it needs.
            private Need NeedOf(ISymbol symbol)
            {
                var need = Marked(symbol);
                if (need == Need.None && symbol is IMethodSymbol { AssociatedSymbol: { } property })
                {
                    need = Marked(property);
                }
                return need != Need.None ? need : symbol.ContainingType is { } type ? Marked(type) : Need.None;
            }

            private Need Marked(ISymbol symbol)
            {
                var need = Need.None;
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (KnownTypes.Is(attribute.AttributeClass, known.NeedsRequestContextAttribute))
                    {
                        return Need.Request;
                    }
                    if (KnownTypes.Is(attribute.AttributeClass, known.NeedsAppContextAttribute))
                    {
                        need = Need.App;
                    }
                }
                return need;
            }

            // The member the code belongs to: lambdas and local functions belong to the member they are written in.
            private static ISymbol? Member(ISymbol? symbol)
            {
                while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                {
                    symbol = symbol.ContainingSymbol;
                }
                return symbol;
            }

            private bool InEntryPoint(ISymbol? symbol) => Member(symbol) is { } member && IsEntryPoint(member);

            // A view, handler, hook or template function, or an override of one (a blueprint subclass overriding a base view).
            private bool IsEntryPoint(ISymbol member)
            {
                for (var current = member; current is not null; current = (current as IMethodSymbol)?.OverriddenMethod)
                {
                    if (current.GetAttributes().Any(a => a.AttributeClass is { } type && entryAttributes.Contains(type)))
                    {
                        return true;
                    }
                }
                return false;
            }

            // The context a member is sure to run in.
            private Need Provided(ISymbol? symbol)
            {
                var member = Member(symbol);
                if (member is null)
                {
                    return Need.None;
                }
                if (IsEntryPoint(member) || (member is IMethodSymbol { AssociatedSymbol: { } owner } && IsEntryPoint(owner)))
                {
                    return Need.Request;
                }
                if (KnownTypes.Has(member, known.CommandAttribute))
                {
                    // A [Command] runs with an app context pushed (as Flask's with_appcontext), not in a request.
                    return Need.App;
                }
                var marked = Marked(member);
                if (marked == Need.None && member is IMethodSymbol { AssociatedSymbol: { } property })
                {
                    marked = Marked(property);
                }
                if (marked == Need.None && member.ContainingType is { } declaring)
                {
                    marked = Marked(declaring);
                }
                if (marked != Need.None)
                {
                    return marked;
                }
                var baseType = member.ContainingType?.BaseType;
                if (member.IsOverride && KnownTypes.IsOrDerives(baseType, known.App))
                {
                    // App's virtuals (the dispatch chain's steps, MakeResponse, SendStaticFile) run inside a request.
                    return Need.Request;
                }
                if (KnownTypes.IsOrDerives(baseType, known.FlagonTestCase))
                {
                    // Its constructor pushes a request context for each test.
                    return Need.Request;
                }
                return Need.None;
            }

            // A context the code is lexically inside: a using of app.TestRequestContext / app.AppContext, a Push() before it
            // in an enclosing block, or an if (Globals.HasRequestContext / HasAppContext) guard. Candidates are found by
            // name and confirmed by symbol: a user's own AppContext() or HasRequestContext guards nothing.
            private Need Lexically(SyntaxNode node, SemanticModel? model)
            {
                var best = Need.None;
                for (var current = node; current is not null; current = current.Parent)
                {
                    if (current is MemberDeclarationSyntax)
                    {
                        break;
                    }
                    switch (current.Parent)
                    {
                        case UsingStatementSyntax @using when current != @using.Expression && current != @using.Declaration:
                            best = Max(best, Pushed((SyntaxNode?)@using.Expression ?? @using.Declaration, model));
                            break;
                        case IfStatementSyntax @if when current == @if.Statement:
                            best = Max(best, Guard(@if.Condition, model));
                            break;
                        case ConditionalExpressionSyntax conditional when current == conditional.WhenTrue:
                            best = Max(best, Guard(conditional.Condition, model));
                            break;
                        case BlockSyntax block when current is StatementSyntax statement:
                            foreach (var earlier in block.Statements.TakeWhile(s => s != statement))
                            {
                                if (earlier is LocalDeclarationStatementSyntax or ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax })
                                {
                                    // app.AppContext() and app.TestRequestContext() push the context they return.
                                    best = Max(best, Pushed(earlier, model));
                                }
                                else if (earlier is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Push" } } push })
                                {
                                    best = Max(best, Target(push, model) is IMethodSymbol method ? ContextType(method.ContainingType) : Need.None);
                                }
                            }
                            break;
                    }
                }
                return best;
            }

            // app.TestRequestContext(…) / app.AppContext() inside node: Flagon.App's (or a subclass's) methods.
            private Need Pushed(SyntaxNode? node, SemanticModel? model)
            {
                var best = Need.None;
                foreach (var invocation in node?.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>() ?? Enumerable.Empty<InvocationExpressionSyntax>())
                {
                    if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TestRequestContext" or "AppContext" }
                        && Target(invocation, model) is IMethodSymbol { ContainingType: { } type } method && IsApp(type))
                    {
                        best = Max(best, method.Name == "TestRequestContext" ? Need.Request : Need.App);
                    }
                }
                return best;
            }

            // Globals.HasRequestContext / HasAppContext, or RequestContext.IsActive / AppContextScope.IsActive.
            private Need Guard(ExpressionSyntax condition, SemanticModel? model)
            {
                var best = Need.None;
                foreach (var name in condition.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
                {
                    if (name.Identifier.ValueText is not ("HasRequestContext" or "HasAppContext" or "IsActive")
                        || Target(name, model) is not IPropertySymbol { IsStatic: true, ContainingType: { } type } property)
                    {
                        continue;
                    }
                    bool globals = KnownTypes.Is(type, known.Globals);
                    best = Max(best, property.Name switch
                    {
                        "HasRequestContext" when globals => Need.Request,
                        "HasAppContext" when globals => Need.App,
                        "IsActive" => ContextType(type),
                        _ => Need.None,
                    });
                }
                return best;
            }

            private static ISymbol? Target(SyntaxNode node, SemanticModel? model) => model?.GetSymbolInfo(node).Symbol;

            private bool IsApp(INamedTypeSymbol? type)
            {
                return KnownTypes.IsOrDerives(type, known.App);
            }

            // The context a Push() pushes: a request context's, or an app context's.
            private Need ContextType(INamedTypeSymbol type) =>
                KnownTypes.Is(type, known.RequestContext) ? Need.Request
                : KnownTypes.Is(type, known.AppContextScope) ? Need.App
                : Need.None;

            private static Need Max(Need a, Need b) => a > b ? a : b;

            // The methods given as the view of an app.AddUrlRule call, in any file: they run inside a request. Only the
            // files that mention AddUrlRule are bound (usually the app factory), once per compilation.
            public static ImmutableHashSet<ISymbol> AddedViews(KnownTypes known, System.Threading.CancellationToken cancellationToken)
            {
                var views = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var invocation in NamedCalls.In(known.Compilation, "AddUrlRule", cancellationToken))
                {
                    if (UrlRuleCalls.View(known, invocation) is { } view)
                    {
                        views.Add(view.OriginalDefinition);
                    }
                }
                return views.ToImmutable();
            }

            // Code in a lambda given to the app (a run-time view, filter, context processor, app-context teardown) runs
            // inside a request, or an app context for teardowns. A command's action (System.CommandLine's SetAction) runs
            // inside an app context: app.Run() pushes one around the commands of app.Cli.
            private Need GivenToApp(IOperation operation)
            {
                var best = Need.None;
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation function && Operations.CallTaking(function) is IInvocationOperation invocation)
                    {
                        var type = invocation.TargetMethod.ContainingType;
                        if (KnownTypes.Is(type, known.App))
                        {
                            best = Max(best, invocation.TargetMethod.Name == "TeardownAppContext" ? Need.App : Need.Request);
                        }
                        else if (KnownTypes.Is(type, known.SystemCommandLineCommand) && invocation.TargetMethod.Name == "SetAction")
                        {
                            best = Max(best, Need.App);
                        }
                    }
                }
                return best;
            }

            // The API that starts work on another thread, when the operation is inside a lambda given to one.
            private string? BackgroundWork(IOperation operation)
            {
                for (var current = operation.Parent; current is not null; current = current.Parent)
                {
                    if (current is ILocalFunctionOperation { Symbol: { IsAsync: true, ReturnsVoid: true } })
                    {
                        return "an async void local function";
                    }
                    if (current is not IAnonymousFunctionOperation function)
                    {
                        continue;
                    }
                    if (function.Symbol is { IsAsync: true, ReturnsVoid: true })
                    {
                        // Nobody awaits it: the request may end, and its context with it, before it runs to the end.
                        return "an async void lambda";
                    }
                    switch (Operations.CallTaking(function))
                    {
                        case IInvocationOperation invocation when invocation.TargetMethod.ContainingType is var type
                            && ((KnownTypes.Is(type, known.Task) && invocation.TargetMethod.Name == "Run")
                                || (KnownTypes.Is(type, known.TaskFactory) && invocation.TargetMethod.Name == "StartNew")
                                || (KnownTypes.Is(type, known.ThreadPool) && invocation.TargetMethod.Name.StartsWith("QueueUserWorkItem", System.StringComparison.Ordinal))):
                            return $"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}";
                        case IObjectCreationOperation creation when KnownTypes.Is(creation.Type, known.Thread) || KnownTypes.Is(creation.Type, known.ThreadingTimer)
                            || KnownTypes.Is(creation.Type, known.TimersTimer):
                            return $"new {creation.Type!.Name}";
                    }
                }
                return null;
            }
        }
    }
}
