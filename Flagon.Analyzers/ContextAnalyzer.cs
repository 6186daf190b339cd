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
        private const string NeedsRequest = "Flagon.NeedsRequestContextAttribute";
        private const string NeedsApp = "Flagon.NeedsAppContextAttribute";

        private static readonly string[] EntryAttributes =
        {
            ViewBinder.RouteAttributeName, ViewBinder.ErrorHandlerAttributeName, ViewBinder.BeforeRequestAttributeName,
            ViewBinder.AfterRequestAttributeName, ViewBinder.TeardownRequestAttributeName,
            TemplateFunctions.FilterAttributeName, TemplateFunctions.ContextProcessorAttributeName, NeedsRequest,
        };

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
                if (start.Compilation.GetTypeByMetadataName(NeedsRequest) is null)
                {
                    return;
                }
                // What each referenced member needs, decoded once per compilation (most references are to members that need nothing).
                var needs = new ConcurrentDictionary<ISymbol, Need>(SymbolEqualityComparer.Default);
                // What each member using a context provides (a view provides a request, ...), decided once per member.
                var provided = new ConcurrentDictionary<ISymbol, Need>(SymbolEqualityComparer.Default);
                // The methods given to app.AddUrlRule anywhere in the project, found the first time a use would be reported.
                var compilation = start.Compilation;
                var cancellationToken = start.CancellationToken;
                var addedViews = new System.Lazy<ImmutableHashSet<ISymbol>>(() => AddedViews(compilation, cancellationToken));
                start.RegisterOperationAction(operationContext => AnalyzeUse(operationContext, needs, provided, addedViews), OperationKind.PropertyReference, OperationKind.Invocation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeUse(OperationAnalysisContext context, ConcurrentDictionary<ISymbol, Need> needs, ConcurrentDictionary<ISymbol, Need> provided,
            System.Lazy<ImmutableHashSet<ISymbol>> addedViews)
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
            var need = needs.GetOrAdd(target, NeedOf);
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
            if (Provided(context.ContainingSymbol, provided) >= need || Lexically(syntax, context.Operation.SemanticModel) >= need || GivenToApp(context.Operation) >= need
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

        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            var value = Operations.Unwrap(assignment.Value);
            if (value is not IPropertyReferenceOperation { Property: var property } || NeedOf(property) == Need.None
                || property.ContainingType.ToDisplayString() != "Flagon.Globals" || property.Name is not ("Request" or "Session" or "G"))
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
        private static string? LongLived(INamedTypeSymbol type)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (t.ToDisplayString() == "Flagon.App")
                {
                    return "an app, which lives as long as the process";
                }
            }
            foreach (var implemented in type.AllInterfaces)
            {
                switch (implemented.ToDisplayString())
                {
                    case "Flagon.IExtension":
                        return "an extension, which lives as long as its apps";
                    case "Microsoft.Extensions.Hosting.IHostedService":
                        return "a hosted service, which lives as long as the host";
                }
            }
            if (type.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Type.ToDisplayString() == "Microsoft.AspNetCore.Http.RequestDelegate")))
            {
                return "a middleware, made once for the whole pipeline";
            }
            return null;
        }

        // What a member (or the class declaring it) says it needs.
        private static Need NeedOf(ISymbol symbol)
        {
            var need = Marked(symbol);
            if (need == Need.None && symbol is IMethodSymbol { AssociatedSymbol: { } property })
            {
                need = Marked(property);
            }
            return need != Need.None ? need : symbol.ContainingType is { } type ? Marked(type) : Need.None;
        }

        private static Need Marked(ISymbol symbol)
        {
            var need = Need.None;
            foreach (var attribute in symbol.GetAttributes())
            {
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case NeedsRequest:
                        return Need.Request;
                    case NeedsApp:
                        need = Need.App;
                        break;
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

        private static bool InEntryPoint(ISymbol? symbol) => Member(symbol) is { } member && IsEntryPoint(member);

        // A view, handler, hook or template function, or an override of one (a blueprint subclass overriding a base view).
        private static bool IsEntryPoint(ISymbol member)
        {
            for (var current = member; current is not null; current = (current as IMethodSymbol)?.OverriddenMethod)
            {
                if (current.GetAttributes().Any(a => EntryAttributes.Contains(a.AttributeClass?.ToDisplayString())))
                {
                    return true;
                }
            }
            return false;
        }

        // The context a member is sure to run in.
        private static Need Provided(ISymbol symbol, ConcurrentDictionary<ISymbol, Need> cache) => cache.GetOrAdd(symbol, Provided);

        private static Need Provided(ISymbol? symbol)
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
            if (member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == CliCommands.CommandAttributeName))
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
            for (var type = member.ContainingType?.BaseType; type is not null; type = type.BaseType)
            {
                switch (type.ToDisplayString())
                {
                    case "Flagon.App" when member.IsOverride:
                        // App's virtuals (the dispatch chain's steps, MakeResponse, SendStaticFile) run inside a request.
                        return Need.Request;
                    case "Flagon.Testing.FlagonTestCase":
                        // Its constructor pushes a request context for each test.
                        return Need.Request;
                }
            }
            return Need.None;
        }

        // A context the code is lexically inside: a using of app.TestRequestContext / app.AppContext, a Push() before it
        // in an enclosing block, or an if (Globals.HasRequestContext / HasAppContext) guard. Candidates are found by
        // name and confirmed by symbol: a user's own AppContext() or HasRequestContext guards nothing.
        private static Need Lexically(SyntaxNode node, SemanticModel? model)
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
        private static Need Pushed(SyntaxNode? node, SemanticModel? model)
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
        private static Need Guard(ExpressionSyntax condition, SemanticModel? model)
        {
            var best = Need.None;
            foreach (var name in condition.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            {
                if (name.Identifier.ValueText is not ("HasRequestContext" or "HasAppContext" or "IsActive")
                    || Target(name, model) is not IPropertySymbol { IsStatic: true, ContainingType: { } type } property)
                {
                    continue;
                }
                string typeName = type.ToDisplayString();
                best = Max(best, (typeName, property.Name) switch
                {
                    ("Flagon.Globals", "HasRequestContext") or ("Flagon.Contexts.RequestContext", "IsActive") => Need.Request,
                    ("Flagon.Globals", "HasAppContext") or ("Flagon.Contexts.AppContextScope", "IsActive") => Need.App,
                    _ => Need.None,
                });
            }
            return best;
        }

        private static ISymbol? Target(SyntaxNode node, SemanticModel? model) => model?.GetSymbolInfo(node).Symbol;

        private static bool IsApp(INamedTypeSymbol? type)
        {
            for (; type is not null; type = type.BaseType)
            {
                if (type.Name == "App" && type.ContainingNamespace?.ToDisplayString() == "Flagon")
                {
                    return true;
                }
            }
            return false;
        }

        // The context a Push() pushes: a request context's, or an app context's.
        private static Need ContextType(INamedTypeSymbol type) => type.ToDisplayString() switch
        {
            "Flagon.Contexts.RequestContext" => Need.Request,
            "Flagon.Contexts.AppContextScope" => Need.App,
            _ => Need.None,
        };

        private static Need Max(Need a, Need b) => a > b ? a : b;

        // The methods given as the view of an app.AddUrlRule call, in any file: they run inside a request. Only the
        // files that mention AddUrlRule are bound (usually the app factory), once per compilation.
        private static ImmutableHashSet<ISymbol> AddedViews(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            var views = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var invocation in NamedCalls.In(compilation, "AddUrlRule", cancellationToken))
            {
                if (UrlRuleCalls.View(invocation) is { } view)
                {
                    views.Add(view.OriginalDefinition);
                }
            }
            return views.ToImmutable();
        }

        // Code in a lambda given to the app (a run-time view, filter, context processor, app-context teardown) runs
        // inside a request, or an app context for teardowns. A command's action (System.CommandLine's SetAction) runs
        // inside an app context: app.Run() pushes one around the commands of app.Cli.
        private static Need GivenToApp(IOperation operation)
        {
            var best = Need.None;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && Operations.CallTaking(function) is IInvocationOperation invocation)
                {
                    var type = invocation.TargetMethod.ContainingType.ToDisplayString();
                    if (type == "Flagon.App")
                    {
                        best = Max(best, invocation.TargetMethod.Name == "TeardownAppContext" ? Need.App : Need.Request);
                    }
                    else if (type == "System.CommandLine.Command" && invocation.TargetMethod.Name == "SetAction")
                    {
                        best = Max(best, Need.App);
                    }
                }
            }
            return best;
        }

        // The API that starts work on another thread, when the operation is inside a lambda given to one.
        private static string? BackgroundWork(IOperation operation)
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
                    case IInvocationOperation invocation when invocation.TargetMethod.ContainingType.ToDisplayString() is var type
                        && ((type == "System.Threading.Tasks.Task" && invocation.TargetMethod.Name == "Run")
                            || (type == "System.Threading.Tasks.TaskFactory" && invocation.TargetMethod.Name == "StartNew")
                            || (type == "System.Threading.ThreadPool" && invocation.TargetMethod.Name.StartsWith("QueueUserWorkItem", System.StringComparison.Ordinal))):
                        return $"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}";
                    case IObjectCreationOperation creation when creation.Type?.ToDisplayString() is "System.Threading.Thread" or "System.Threading.Timer" or "System.Timers.Timer":
                        return $"new {creation.Type!.Name}";
                }
            }
            return null;
        }
    }
}
