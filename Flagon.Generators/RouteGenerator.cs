using System.Linq;
using Flagon.Generators.Emitters;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;
using Flagon.Generators.Shared;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Flagon.Generators
{
    /// <summary>
    /// Compiles the [Route] views of a program into its route table at build time: Parser (symbols to
    /// equatable specs) → Model (the app) → Emitter (C#). Rule errors are reported by the analyzers,
    /// which share the rule parser; the generator skips what it cannot compile and never throws.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class RouteGenerator : IIncrementalGenerator
    {
        internal const string RouteAttributeName = KnownTypes.RouteAttributeName;

        private static IncrementalValuesProvider<HookSpec> Hook(IncrementalGeneratorInitializationContext context, string attribute, HookKind kind) =>
            context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    predicate: static (node, _) => node is MethodDeclarationSyntax,
                    transform: (ctx, _) => Parser.ParseHook(ctx, kind))
                .Where(static hook => hook is not null)
                .Select(static (hook, _) => hook!)
                .WithTrackingName(TrackingNames.Hooks);

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var views = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    RouteAttributeName,
                    predicate: static (node, _) => node is MethodDeclarationSyntax,
                    transform: static (ctx, ct) => Parser.ParseView(ctx, ct))
                .Where(static view => view is not null)
                .Select(static (view, _) => view!)
                .WithTrackingName(TrackingNames.Views);

            var blueprints = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.BlueprintAttributeName,
                    predicate: static (node, _) => node is ClassDeclarationSyntax,
                    transform: static (ctx, _) => Parser.ParseBlueprint(ctx))
                .Where(static blueprint => blueprint is not null)
                .Select(static (blueprint, _) => blueprint!)
                .WithTrackingName(TrackingNames.Blueprints);

            var errorHandlers = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.ErrorHandlerAttributeName,
                    predicate: static (node, _) => node is MethodDeclarationSyntax,
                    transform: static (ctx, _) => Parser.ParseErrorHandler(ctx))
                .Where(static handler => handler is not null)
                .Select(static (handler, _) => handler!)
                .WithTrackingName(TrackingNames.ErrorHandlers);

            var urlRuleCalls = context.SyntaxProvider
                .CreateSyntaxProvider(
                    predicate: static (node, _) => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddUrlRule" } },
                    transform: static (ctx, ct) => Parser.ParseUrlRuleCall(ctx, ct))
                .Where(static call => call is not null)
                .Select(static (call, _) => call!)
                .WithTrackingName(TrackingNames.UrlRuleCalls);

            var converters = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypes.RouteConverterAttributeName,
                    predicate: static (node, _) => node is ClassDeclarationSyntax,
                    transform: static (ctx, _) => Parser.ParseConverter(ctx))
                .Where(static converter => converter is not null)
                .Select(static (converter, _) => converter!)
                .WithTrackingName(TrackingNames.Converters);
            // The converters of the libraries the program references (read once per library; unchanged references, cached).
            var referencedConverters = context.CompilationProvider
                .Select(static (compilation, _) => ConverterTypes.InReferences(compilation))
                .WithTrackingName(TrackingNames.ReferencedConverters);

            var hooks = Hook(context, KnownTypes.BeforeRequestAttributeName, HookKind.BeforeRequest).Collect()
                .Combine(Hook(context, KnownTypes.AfterRequestAttributeName, HookKind.AfterRequest).Collect())
                .Combine(Hook(context, KnownTypes.TeardownRequestAttributeName, HookKind.TeardownRequest).Collect())
                .Select(static (all, _) => all.Left.Left.AddRange(all.Left.Right).AddRange(all.Right));

            var app = views.Collect()
                .Combine(blueprints.Collect())
                .Combine(errorHandlers.Collect())
                .Combine(urlRuleCalls.Collect())
                .Combine(hooks)
                .Combine(converters.Collect().Combine(referencedConverters))
                .Select(static (all, _) => Parser.BuildApp(all.Left.Left.Left.Left.Left, all.Left.Left.Left.Left.Right, all.Left.Left.Left.Right, all.Left.Left.Right,
                    all.Left.Right, all.Right.Left, all.Right.Right))
                .WithTrackingName(TrackingNames.AppModel);

            // One output per generated file, each from the part of the model it is written from: an edit in a
            // blueprint re-writes that blueprint's file only, an edit of an app view the app's table only. A file whose
            // model is unchanged since this process last wrote it (a command-line build starts a new run) is not
            // written again (EmittedFiles).
            var assembly = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty);
            var appTable = app
                .Select(static (model, _) => new AppSpec(
                    model.Views.Where(v => v.Blueprint.Length == 0).ToEquatableArray(),
                    EquatableArray<BlueprintSpec>.Empty,
                    model.ErrorHandlers.Where(h => h.Blueprint.Length == 0).ToEquatableArray(),
                    EquatableArray<UrlRuleCallSpec>.Empty,
                    model.Hooks.Where(h => h.Blueprint.Length == 0).ToEquatableArray()))
                .WithTrackingName(TrackingNames.AppTable);
            context.RegisterSourceOutput(appTable.Combine(assembly), static (spc, input) =>
            {
                var (part, assemblyName) = input;
                if (part.Views.Count > 0 || part.ErrorHandlers.Count > 0 || part.Hooks.Count > 0)
                {
                    const string hintName = "Flagon.AppRouteTable.g.cs";
                    spc.AddSource(hintName, EmittedFiles.GetOrEmit(assemblyName, hintName, part, Emitter.EmitAppRouteTable));
                }
            });

            // The program's converters (its own, then its libraries'), registered by name when it starts: rules added at
            // run time can name them. Registered in that order, so that a name the program declares is its own.
            var converterList = converters.Collect()
                .Combine(referencedConverters)
                .Select(static (all, _) => all.Right
                    .Concat(all.Left.OrderBy(c => c.Name, System.StringComparer.Ordinal).ThenBy(c => c.TypeName, System.StringComparer.Ordinal))
                    .ToEquatableArray());
            context.RegisterSourceOutput(converterList, static (spc, list) =>
            {
                if (list.Count > 0)
                {
                    spc.AddSource("Flagon.RouteConverters.g.cs", Emitter.EmitConverterRegistration(list));
                }
            });

            // Each app view class's invoke methods, URL builders and typed UrlFor methods: a file per class.
            var appParts = app
                .SelectMany(static (model, _) => AppParts.Plan(model.Views))
                .WithTrackingName(TrackingNames.AppParts);
            context.RegisterSourceOutput(appParts.Combine(assembly), static (spc, input) =>
            {
                var (part, assemblyName) = input;
                string hintName = AppParts.HintName(part.TypeName);
                spc.AddSource(hintName, EmittedFiles.GetOrEmit(assemblyName, hintName, part, Emitter.EmitAppPart));
            });

            var urlRules = app
                .Select(static (model, _) => new AppSpec(
                    model.UrlRuleCalls.Count == 0 ? EquatableArray<ViewSpec>.Empty : model.Views.Where(v => v.Blueprint.Length == 0).ToEquatableArray(),
                    EquatableArray<BlueprintSpec>.Empty,
                    EquatableArray<ErrorHandlerSpec>.Empty,
                    model.UrlRuleCalls,
                    EquatableArray<HookSpec>.Empty))
                .WithTrackingName(TrackingNames.UrlRuleTables);
            context.RegisterSourceOutput(urlRules.Combine(assembly), static (spc, input) =>
            {
                var (part, assemblyName) = input;
                if (part.UrlRuleCalls.Count > 0)
                {
                    const string hintName = "Flagon.UrlRules.g.cs";
                    spc.AddSource(hintName, EmittedFiles.GetOrEmit(assemblyName, hintName, part, Emitter.EmitUrlRules));
                }
            });

            var blueprintTables = app
                .SelectMany(static (model, _) => model.Blueprints.Select(blueprint => new AppSpec(
                    model.Views.Where(v => v.Blueprint == blueprint.TypeName).ToEquatableArray(),
                    new EquatableArray<BlueprintSpec>(new[] { blueprint }),
                    model.ErrorHandlers.Where(h => h.Blueprint == blueprint.TypeName).ToEquatableArray(),
                    EquatableArray<UrlRuleCallSpec>.Empty,
                    model.Hooks.Where(h => h.Blueprint == blueprint.TypeName).ToEquatableArray())))
                .WithTrackingName(TrackingNames.BlueprintTables);
            context.RegisterSourceOutput(blueprintTables.Combine(assembly), static (spc, input) =>
            {
                var (part, assemblyName) = input;
                string hintName = $"Flagon.Blueprint.{part.Blueprints[0].ClassName}.g.cs";
                spc.AddSource(hintName, EmittedFiles.GetOrEmit(assemblyName, hintName, part, static table => Emitter.EmitBlueprint(table, table.Blueprints[0])));
            });
        }
    }
}
