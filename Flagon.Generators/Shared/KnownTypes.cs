using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// The types the generator and the analyzers ask about (Flagon's attributes and classes, the framework's tasks,
    /// streams and HTTP types), resolved once per compilation and compared by symbol: no code here or elsewhere decides
    /// what a type is by the text of its name. Each is looked up the first time it is asked for (most compilations never
    /// need most of them); a type the compilation cannot see is null, and nothing is ever that type.
    /// </summary>
    internal sealed class KnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new ConditionalWeakTable<Compilation, KnownTypes>();
        private static readonly object Missing = new object();

        private readonly Compilation compilation;
        private readonly object?[] slots = new object?[(int)Known.Count];
        private HashSet<ITypeSymbol>? commandLineValues;

        private KnownTypes(Compilation compilation) => this.compilation = compilation;

        /// <summary>The known types of <paramref name="compilation"/> (one instance per compilation).</summary>
        public static KnownTypes Of(Compilation compilation) => Cache.GetValue(compilation, c => new KnownTypes(c));

        /// <summary>The compilation the types come from.</summary>
        public Compilation Compilation => compilation;

        // The metadata names of Flagon's attributes (what ForAttributeWithMetadataName takes).
        public const string RouteAttributeName = "Flagon.RouteAttribute";
        public const string BlueprintAttributeName = "Flagon.BlueprintAttribute";
        public const string ErrorHandlerAttributeName = "Flagon.ErrorHandlerAttribute";
        public const string BeforeRequestAttributeName = "Flagon.BeforeRequestAttribute";
        public const string AfterRequestAttributeName = "Flagon.AfterRequestAttribute";
        public const string TeardownRequestAttributeName = "Flagon.TeardownRequestAttribute";
        public const string RouteConverterAttributeName = "Flagon.RouteConverterAttribute";
        public const string CommandAttributeName = "Flagon.CommandAttribute";
        public const string CommandOptionAttributeName = "Flagon.CommandOptionAttribute";
        public const string CommandArgumentAttributeName = "Flagon.CommandArgumentAttribute";
        public const string TemplateFilterAttributeName = "Flagon.TemplateFilterAttribute";
        public const string ContextProcessorAttributeName = "Flagon.ContextProcessorAttribute";

        // Flagon's attributes.
        public INamedTypeSymbol? RouteAttribute => Get(Known.RouteAttribute, RouteAttributeName);
        public INamedTypeSymbol? BlueprintAttribute => Get(Known.BlueprintAttribute, BlueprintAttributeName);
        public INamedTypeSymbol? ErrorHandlerAttribute => Get(Known.ErrorHandlerAttribute, ErrorHandlerAttributeName);
        public INamedTypeSymbol? BeforeRequestAttribute => Get(Known.BeforeRequestAttribute, BeforeRequestAttributeName);
        public INamedTypeSymbol? AfterRequestAttribute => Get(Known.AfterRequestAttribute, AfterRequestAttributeName);
        public INamedTypeSymbol? TeardownRequestAttribute => Get(Known.TeardownRequestAttribute, TeardownRequestAttributeName);
        public INamedTypeSymbol? RouteConverterAttribute => Get(Known.RouteConverterAttribute, RouteConverterAttributeName);
        public INamedTypeSymbol? CommandAttribute => Get(Known.CommandAttribute, CommandAttributeName);
        public INamedTypeSymbol? CommandOptionAttribute => Get(Known.CommandOptionAttribute, CommandOptionAttributeName);
        public INamedTypeSymbol? CommandArgumentAttribute => Get(Known.CommandArgumentAttribute, CommandArgumentAttributeName);
        public INamedTypeSymbol? TemplateFilterAttribute => Get(Known.TemplateFilterAttribute, TemplateFilterAttributeName);
        public INamedTypeSymbol? ContextProcessorAttribute => Get(Known.ContextProcessorAttribute, ContextProcessorAttributeName);
        public INamedTypeSymbol? NeedsRequestContextAttribute => Get(Known.NeedsRequestContextAttribute, "Flagon.NeedsRequestContextAttribute");
        public INamedTypeSymbol? NeedsAppContextAttribute => Get(Known.NeedsAppContextAttribute, "Flagon.NeedsAppContextAttribute");

        // Flagon's classes.
        public INamedTypeSymbol? App => Get(Known.App, "Flagon.App");
        public INamedTypeSymbol? Response => Get(Known.Response, "Flagon.Response");
        public INamedTypeSymbol? HttpError => Get(Known.HttpError, "Flagon.HttpError");
        public INamedTypeSymbol? Request => Get(Known.Request, "Flagon.Http.Request");
        public INamedTypeSymbol? Template => Get(Known.Template, "Flagon.Template");
        public INamedTypeSymbol? Url => Get(Known.Url, "Flagon.Url");
        public INamedTypeSymbol? Globals => Get(Known.Globals, "Flagon.Globals");
        public INamedTypeSymbol? IExtension => Get(Known.IExtension, "Flagon.IExtension");
        public INamedTypeSymbol? RequestContext => Get(Known.RequestContext, "Flagon.Contexts.RequestContext");
        public INamedTypeSymbol? AppContextScope => Get(Known.AppContextScope, "Flagon.Contexts.AppContextScope");
        public INamedTypeSymbol? FlagonTestCase => Get(Known.FlagonTestCase, "Flagon.Testing.FlagonTestCase");
        /// <summary><c>Flagon.Routing.RouteConverter&lt;T&gt;</c>, unbound.</summary>
        public INamedTypeSymbol? RouteConverterOfT => Get(Known.RouteConverterOfT, "Flagon.Routing.RouteConverter`1");

        // The framework's.
        public INamedTypeSymbol? Exception => Get(Known.Exception, "System.Exception");
        public INamedTypeSymbol? Guid => Get(Known.Guid, "System.Guid");
        public INamedTypeSymbol? ReadOnlyMemoryOfT => Get(Known.ReadOnlyMemoryOfT, "System.ReadOnlyMemory`1");
        public INamedTypeSymbol? IAsyncDisposable => Get(Known.IAsyncDisposable, "System.IAsyncDisposable");
        public INamedTypeSymbol? Stream => Get(Known.Stream, "System.IO.Stream");
        public INamedTypeSymbol? Task => Get(Known.Task, "System.Threading.Tasks.Task");
        public INamedTypeSymbol? ValueTask => Get(Known.ValueTask, "System.Threading.Tasks.ValueTask");
        public INamedTypeSymbol? TaskOfT => Get(Known.TaskOfT, "System.Threading.Tasks.Task`1");
        public INamedTypeSymbol? ValueTaskOfT => Get(Known.ValueTaskOfT, "System.Threading.Tasks.ValueTask`1");
        public INamedTypeSymbol? TaskFactory => Get(Known.TaskFactory, "System.Threading.Tasks.TaskFactory");
        public INamedTypeSymbol? ThreadPool => Get(Known.ThreadPool, "System.Threading.ThreadPool");
        public INamedTypeSymbol? Thread => Get(Known.Thread, "System.Threading.Thread");
        public INamedTypeSymbol? ThreadingTimer => Get(Known.ThreadingTimer, "System.Threading.Timer");
        public INamedTypeSymbol? TimersTimer => Get(Known.TimersTimer, "System.Timers.Timer");
        public INamedTypeSymbol? CancellationToken => Get(Known.CancellationToken, "System.Threading.CancellationToken");
        public INamedTypeSymbol? IAsyncEnumerableOfT => Get(Known.IAsyncEnumerableOfT, "System.Collections.Generic.IAsyncEnumerable`1");
        public INamedTypeSymbol? KeyValuePairOfT => Get(Known.KeyValuePairOfT, "System.Collections.Generic.KeyValuePair`2");
        public INamedTypeSymbol? IDictionaryOfT => Get(Known.IDictionaryOfT, "System.Collections.Generic.IDictionary`2");
        public INamedTypeSymbol? IReadOnlyDictionaryOfT => Get(Known.IReadOnlyDictionaryOfT, "System.Collections.Generic.IReadOnlyDictionary`2");
        /// <summary><c>Microsoft.Extensions.Primitives.StringValues</c>: what <c>Request.Args["q"]</c> and <c>Request.Form["q"]</c> give.</summary>
        public INamedTypeSymbol? StringValues => Get(Known.StringValues, "Microsoft.Extensions.Primitives.StringValues");
        public INamedTypeSymbol? HttpContext => Get(Known.HttpContext, "Microsoft.AspNetCore.Http.HttpContext");
        public INamedTypeSymbol? HttpRequest => Get(Known.HttpRequest, "Microsoft.AspNetCore.Http.HttpRequest");
        public INamedTypeSymbol? HttpResponse => Get(Known.HttpResponse, "Microsoft.AspNetCore.Http.HttpResponse");
        public INamedTypeSymbol? IResult => Get(Known.IResult, "Microsoft.AspNetCore.Http.IResult");
        public INamedTypeSymbol? RequestDelegate => Get(Known.RequestDelegate, "Microsoft.AspNetCore.Http.RequestDelegate");
        public INamedTypeSymbol? IHostedService => Get(Known.IHostedService, "Microsoft.Extensions.Hosting.IHostedService");
        public INamedTypeSymbol? SystemCommandLineCommand => Get(Known.SystemCommandLineCommand, "System.CommandLine.Command");

        /// <summary>
        /// Whether <paramref name="type"/> is one of the framework's types (beyond the primitives) that System.CommandLine
        /// reads from the command line by itself: Guid, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Uri, FileInfo,
        /// DirectoryInfo, FileSystemInfo.
        /// </summary>
        public bool IsCommandLineValue(ITypeSymbol type)
        {
            var values = commandLineValues;
            if (values is null)
            {
                values = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var name in new[] { "System.Guid", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan", "System.Uri",
                    "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo" })
                {
                    if (compilation.GetTypeByMetadataName(name) is { } resolved)
                    {
                        values.Add(resolved);
                    }
                }
                commandLineValues = values;
            }
            return values.Contains(type.OriginalDefinition);
        }

        /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> (nullability ignored).</summary>
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
            type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

        /// <summary>Whether <paramref name="type"/> is a constructed <paramref name="definition"/> (<c>Task&lt;int&gt;</c> of <c>Task&lt;T&gt;</c>).</summary>
        public static bool IsConstructed(ITypeSymbol? type, INamedTypeSymbol? definition) =>
            type is INamedTypeSymbol { IsGenericType: true } generic && Is(generic.OriginalDefinition, definition);

        /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> or derives from it.</summary>
        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? known)
        {
            if (known is null)
            {
                return false;
            }
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (Is(t, known))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Whether <paramref name="type"/> is the interface <paramref name="known"/> or implements it.</summary>
        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? known)
        {
            if (type is null || known is null)
            {
                return false;
            }
            if (Is(type, known))
            {
                return true;
            }
            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, known))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Whether <paramref name="symbol"/> (a namespace, or a type or member in one) is in the namespace
        /// <paramref name="name"/> itself (<c>System.Threading.Tasks</c>), read part by part without building its name.
        /// </summary>
        public static bool InNamespace(ISymbol? symbol, string name)
        {
            var ns = symbol as INamespaceSymbol ?? symbol?.ContainingNamespace;
            int end = name.Length;
            while (true)
            {
                if (ns is null || ns.IsGlobalNamespace)
                {
                    return end < 0;
                }
                if (end <= 0)
                {
                    return false;
                }
                int start = name.LastIndexOf('.', end - 1) + 1;
                if (end - start != ns.Name.Length || string.CompareOrdinal(name, start, ns.Name, 0, ns.Name.Length) != 0)
                {
                    return false;
                }
                end = start - 1;
                ns = ns.ContainingNamespace;
            }
        }

        /// <summary>Whether <paramref name="symbol"/> is in the namespace <paramref name="name"/> or one inside it.</summary>
        public static bool UnderNamespace(ISymbol? symbol, string name)
        {
            for (var ns = symbol as INamespaceSymbol ?? symbol?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (InNamespace(ns, name))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The first attribute of class <paramref name="attributeType"/> on <paramref name="symbol"/>, or null.</summary>
        public static AttributeData? Attribute(ISymbol symbol, INamedTypeSymbol? attributeType)
        {
            if (attributeType is null)
            {
                return null;
            }
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return attribute;
                }
            }
            return null;
        }

        /// <summary>Whether <paramref name="symbol"/> carries an attribute of class <paramref name="attributeType"/>.</summary>
        public static bool Has(ISymbol symbol, INamedTypeSymbol? attributeType) => Attribute(symbol, attributeType) is not null;

        private INamedTypeSymbol? Get(Known which, string metadataName)
        {
            // A benign race: two threads resolving the same slot store the same symbol.
            var value = slots[(int)which];
            if (value is null)
            {
                value = compilation.GetTypeByMetadataName(metadataName) ?? Missing;
                slots[(int)which] = value;
            }
            return value as INamedTypeSymbol;
        }

        private enum Known
        {
            RouteAttribute,
            BlueprintAttribute,
            ErrorHandlerAttribute,
            BeforeRequestAttribute,
            AfterRequestAttribute,
            TeardownRequestAttribute,
            RouteConverterAttribute,
            CommandAttribute,
            CommandOptionAttribute,
            CommandArgumentAttribute,
            TemplateFilterAttribute,
            ContextProcessorAttribute,
            NeedsRequestContextAttribute,
            NeedsAppContextAttribute,
            App,
            Response,
            HttpError,
            Request,
            Template,
            Url,
            Globals,
            IExtension,
            RequestContext,
            AppContextScope,
            FlagonTestCase,
            RouteConverterOfT,
            Exception,
            Guid,
            ReadOnlyMemoryOfT,
            IAsyncDisposable,
            Stream,
            Task,
            ValueTask,
            TaskOfT,
            ValueTaskOfT,
            TaskFactory,
            ThreadPool,
            Thread,
            ThreadingTimer,
            TimersTimer,
            CancellationToken,
            IAsyncEnumerableOfT,
            KeyValuePairOfT,
            IDictionaryOfT,
            IReadOnlyDictionaryOfT,
            StringValues,
            HttpContext,
            HttpRequest,
            HttpResponse,
            IResult,
            RequestDelegate,
            IHostedService,
            SystemCommandLineCommand,
            Count,
        }
    }
}
