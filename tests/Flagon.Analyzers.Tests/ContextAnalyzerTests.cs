using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.ContextAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0201–FLG0204: the request and app contexts used where they may not exist, with the false-positive traps.</summary>
public class ContextAnalyzerTests
{
    private const string Runtime = """
        namespace Flagon.Http
        {
            public sealed class Request { public string Path => "/"; }
        }
        namespace Flagon
        {
            using Flagon.Http;
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NeedsRequestContextAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NeedsAppContextAttribute : System.Attribute { }
            public static class Globals
            {
                [NeedsRequestContext] public static Request Request => new();
                [NeedsRequestContext] public static void Flash(string message) { }
                [NeedsRequestContext] public static object Session => new();
                [NeedsAppContext] public static object G => new();
                [NeedsAppContext] public static App CurrentApp => new();
                public static bool HasRequestContext => false;
                public static bool HasAppContext => false;
            }
        }
        namespace System.CommandLine
        {
            public class ParseResult { }
            public class Command
            {
                public Command(string name) { }
                public void SetAction(System.Func<ParseResult, int> action) { }
            }
        }
        namespace Flagon.Contexts
        {
            public sealed class RequestContext : System.IDisposable { public static bool IsActive => false; public void Push() { } public void Pop() { } public void Dispose() { } }
            public sealed class AppContextScope : System.IDisposable { public static bool IsActive => false; public void Push() { } public void Pop() { } public void Dispose() { } }
        }
        namespace Flagon
        {
            public class App
            {
                public Flagon.Contexts.AppContextScope AppContext() => new();
                public Flagon.Contexts.RequestContext TestRequestContext(string path = "/") => new();
                public App TeardownAppContext(System.Action<System.Exception?> teardown) => this;
                public App AddUrlRule(string rule, System.Delegate view, string? endpoint = null) => this;
                protected virtual string Describe() => "";
            }
        }
        """;

    // A member that can be marked: the message names it and says how to fix it there.
    private static DiagnosticResult Request(int location, string member, string user) =>
        new DiagnosticResult("FLG0201", DiagnosticSeverity.Warning).WithLocation(location)
            .WithArguments(member, $"'{user}'", $"call it from a view, mark '{user}' [NeedsRequestContext], or push one with app.TestRequestContext(...)");

    private static DiagnosticResult AppContext(int location, string member, string user) =>
        new DiagnosticResult("FLG0202", DiagnosticSeverity.Warning).WithLocation(location)
            .WithArguments(member, $"'{user}'", $"call it from a view, mark '{user}' [NeedsAppContext], or push one with app.AppContext()");

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify(source);
        test.TestState.Sources.Add(("Runtime.cs", Runtime));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Views_and_what_is_written_inside_them_may_use_the_contexts() => VerifyAsync("""
        using System.Linq;
        using Flagon;
        using static Flagon.Globals;
        static class Views
        {
            [Route("/")]
            public static string Index()
            {
                var lambda = new System.Func<string>(() => Request.Path);
                string Local() => Request.Path + CurrentApp;
                return new[] { 1 }.Select(_ => Request.Path).First() + lambda() + Local();
            }

            [ErrorHandler(404)] public static string Missing() => Request.Path;
            [BeforeRequest] public static void Before() => Flash("hi");
        }

        public abstract class Catalog
        {
            [Route("/item")] public virtual string Item() => "";
        }
        public class Films : Catalog
        {
            public override string Item() => Request.Path;
        }
        """);

    [Fact]
    public Task A_helper_that_uses_the_request_is_warned_until_marked_and_then_its_callers_are() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        static class Helpers
        {
            public static string Unmarked() => {|#0:Request|}.Path;

            [NeedsRequestContext]
            public static string Marked() => Request.Path;

            public static string Caller() => {|#1:Marked()|};

            [Route("/")]
            public static string View() => Marked();

            public static object Config => {|#2:CurrentApp|};
        }
        """,
        Request(0, "Globals.Request", "Unmarked"),
        Request(1, "Helpers.Marked", "Caller"),
        AppContext(2, "Globals.CurrentApp", "Config"));

    [Fact]
    public Task A_method_given_to_AddUrlRule_is_a_view() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        static class Setup
        {
            static string Added() => Request.Path;
            static string NotAdded() => {|#0:Request|}.Path;
            public static App Configure(App app) => app.AddUrlRule("/added", Added, endpoint: "added");
        }
        """,
        Request(0, "Globals.Request", "NotAdded"));

    [Fact]
    public Task A_method_given_to_AddUrlRule_in_another_file_is_a_view()
    {
        var test = new Verify("""
            using static Flagon.Globals;
            static partial class Pages
            {
                public static string About() => Request.Path;
                public static string Helper() => {|#0:Request|}.Path;
            }
            """);
        test.TestState.Sources.Add(("Runtime.cs", Runtime));
        test.TestState.Sources.Add(("Factory.cs", """
            using Flagon;
            static class Factory
            {
                public static App Create()
                {
                    var app = new App();
                    app.AddUrlRule("/about", view: Pages.About);
                    return app;
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Request(0, "Globals.Request", "Helper"));
        return test.RunAsync();
    }

    [Fact]
    public Task Generic_methods_are_judged_by_their_definition()
    {
        var test = new Verify("""
            using Flagon;
            using static Flagon.Globals;
            static class Values
            {
                [NeedsRequestContext] public static T Read<T>(System.Func<string, T> parse) => parse(Request.Path);
                public static T Unmarked<T>(System.Func<string, T> parse) => parse({|#0:Request|}.Path);
                public static T Caller<T>(System.Func<string, T> parse) => {|#1:Read(parse)|};
            }
            static class Views
            {
                [Route("/")] public static string Index() => Values.Read(s => s.Length).ToString() + Values.Read<string>(s => s);
            }
            """);
        test.TestState.Sources.Add(("Runtime.cs", Runtime));
        test.ExpectedDiagnostics.Add(Request(0, "Globals.Request", "Unmarked"));
        test.ExpectedDiagnostics.Add(Request(1, "Values.Read", "Caller"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_partial_class_across_files_is_judged_member_by_member()
    {
        var test = new Verify("""
            using Flagon;
            static partial class Pages
            {
                [Route("/")] public static string Index() => Helper();
                public static string Other() => {|#0:Helper()|};
            }
            """);
        test.TestState.Sources.Add(("Runtime.cs", Runtime));
        test.TestState.Sources.Add(("Pages.Helpers.cs", """
            using Flagon;
            using static Flagon.Globals;
            static partial class Pages
            {
                [NeedsRequestContext] static string Helper() => Request.Path;
                [Route("/about")] public static string About() => Request.Path + Helper();
            }
            """));
        test.ExpectedDiagnostics.Add(Request(0, "Pages.Helper", "Other"));
        return test.RunAsync();
    }

    [Fact]
    public Task Static_initializers_and_constructors_run_outside_any_request() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        static class Startup
        {
            static readonly string Path = {|#0:Request|}.Path;
            static Startup() { _ = {|#1:G|}; }
        }
        class Cart
        {
            string path = {|#2:Request|}.Path;
        }
        """,
        new DiagnosticResult("FLG0201", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Globals.Request", "the initializer of 'Startup.Path'",
            "it runs once, outside any request; read it in a view instead, or push a context around the code that needs it"),
        new DiagnosticResult("FLG0202", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Globals.G", "the static constructor of 'Startup'",
            "it runs once, outside any request; read it in a view instead, or push a context around the code that needs it"),
        new DiagnosticResult("FLG0201", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("Globals.Request", "the initializer of 'Cart.path'",
            "it runs when 'Cart' is made; set it from a view instead, or mark the constructors [NeedsRequestContext]"));

    [Fact]
    public Task Top_level_statements_are_told_to_push_a_context()
    {
        var test = new Verify("""
            using Flagon;
            using static Flagon.Globals;
            var app = new App();
            var name = {|#0:CurrentApp|};
            using (app.AppContext())
            {
                _ = CurrentApp;
            }
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Runtime.cs", Runtime));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("FLG0202", DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("Globals.CurrentApp", "the top-level statements", "push one first with app.AppContext()"));
        return test.RunAsync();
    }

    [Fact]
    public Task Lookalike_guards_and_contexts_of_the_users_own_provide_nothing() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        class Tools
        {
            public static bool HasRequestContext => true;
            public System.IDisposable AppContext() => null!;
        }
        class Shell
        {
            void Run(App app, Tools tools, Flagon.Contexts.AppContextScope scope)
            {
                if (Tools.HasRequestContext)
                {
                    _ = {|#0:Request|};
                }
                using (tools.AppContext())
                {
                    _ = {|#1:CurrentApp|};
                }
                scope.Push();
                _ = CurrentApp;
                _ = {|#2:Request|};
            }
        }
        """,
        Request(0, "Globals.Request", "Run"),
        AppContext(1, "Globals.CurrentApp", "Run"),
        Request(2, "Globals.Request", "Run"));

    [Fact]
    public Task Pushed_contexts_and_guards_provide_what_they_say() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        class Shell
        {
            void Run(App app)
            {
                using (app.TestRequestContext("/x"))
                {
                    _ = Request.Path;
                }
                using (app.AppContext())
                {
                    _ = CurrentApp;
                    _ = {|#0:Request|};
                }
                if (HasRequestContext)
                {
                    _ = Request.Path;
                }
                if (Flagon.Contexts.RequestContext.IsActive)
                {
                    _ = Request.Path;
                }
                _ = HasAppContext ? G : null;
                _ = Flagon.Contexts.AppContextScope.IsActive ? G : null;
                _ = {|#1:G|};
            }

            void Declared(App app)
            {
                using var ctx = app.TestRequestContext();
                _ = Request.Path;
            }

            void PushedByHand(App app, Flagon.Contexts.RequestContext ctx)
            {
                ctx.Push();
                _ = Request.Path;
            }

            void Teardown(App app) => app.TeardownAppContext(error => _ = G);
        }

        class MyApp : App
        {
            protected override string Describe() => Request.Path;
        }
        """,
        Request(0, "Globals.Request", "Run"),
        AppContext(1, "Globals.G", "Run"));

    [Fact]
    public Task A_command_action_has_the_app_context_that_app_Run_pushes_but_not_a_request() => VerifyAsync("""
        using System.CommandLine;
        using static Flagon.Globals;
        static class Commands
        {
            static Command Create()
            {
                var command = new Command("create-user");
                command.SetAction(result =>
                {
                    _ = CurrentApp;
                    _ = G;
                    _ = {|#0:Request|};
                    return 0;
                });
                return command;
            }
        }
        """,
        Request(0, "Globals.Request", "Create"));

    [Fact]
    public Task Request_data_used_in_background_work_started_by_a_view_is_reported() => VerifyAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Flagon;
        using static Flagon.Globals;
        static class Views
        {
            [Route("/")]
            public static string Index()
            {
                var path = Request.Path;
                Task.Run(() => {|#0:Request|}.Path);
                ThreadPool.QueueUserWorkItem(_ => {|#2:Flash("x")|});
                new Thread(() => _ = {|#1:Request|}).Start();
                Task.Run(() => path.Length);
                System.Action later = async () => { await Task.Yield(); _ = {|#3:Request|}.Path; };
                async void Fire() { await Task.Yield(); _ = {|#4:Request|}; }
                async Task Awaited() { await Task.Yield(); _ = Request; }
                return path;
            }
        }
        """,
        new DiagnosticResult("FLG0203", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Globals.Request", "Task.Run"),
        new DiagnosticResult("FLG0203", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("Globals.Flash", "ThreadPool.QueueUserWorkItem"),
        new DiagnosticResult("FLG0203", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Globals.Request", "new Thread"),
        new DiagnosticResult("FLG0203", DiagnosticSeverity.Warning).WithLocation(3).WithArguments("Globals.Request", "an async void lambda"),
        new DiagnosticResult("FLG0203", DiagnosticSeverity.Warning).WithLocation(4).WithArguments("Globals.Request", "an async void local function"));

    [Fact]
    public Task Storing_the_request_in_a_static_member_is_reported() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        static class Views
        {
            static Flagon.Http.Request? last;
            static object? Shared { get; set; }

            [Route("/")]
            public static string Index()
            {
                {|#0:last = Request|};
                {|#1:Shared = G|};
                var local = Request;
                return local.Path;
            }
        }
        """,
        new DiagnosticResult("FLG0204", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Globals.Request", "the static member 'Views.last'"),
        new DiagnosticResult("FLG0204", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Globals.G", "the static member 'Views.Shared'"));

    [Fact]
    public Task Storing_the_request_in_a_long_lived_instance_is_reported_but_not_in_a_per_request_one() => VerifyAsync("""
        using Flagon;
        using static Flagon.Globals;
        namespace Flagon { public interface IExtension { void InitApp(App app); } }
        namespace Microsoft.Extensions.Hosting { public interface IHostedService { } }
        namespace Microsoft.AspNetCore.Http { public delegate System.Threading.Tasks.Task RequestDelegate(object context); }

        sealed class Audit : IExtension
        {
            private Flagon.Http.Request? last;
            public void InitApp(App app) { }
            [NeedsRequestContext] public void Record() { {|#0:last = Request|}; }
        }

        sealed class ShopApp : App
        {
            public object? Bag { get; set; }
            [NeedsRequestContext] public void Keep() { {|#1:Bag = G|}; }
        }

        sealed class Worker : Microsoft.Extensions.Hosting.IHostedService
        {
            private object? seen;
            [NeedsRequestContext] public void See() { {|#2:this.seen = Session|}; }
        }

        sealed class Timing
        {
            private readonly Microsoft.AspNetCore.Http.RequestDelegate next;
            private object? current;
            public Timing(Microsoft.AspNetCore.Http.RequestDelegate next) { this.next = next; }
            [NeedsRequestContext] public void Note() { {|#3:current = Request|}; }
        }

        sealed class PageView
        {
            private Flagon.Http.Request? request;
            [Route("/")] public string Index() { request = Request; return request.Path; }
        }
        """,
        new DiagnosticResult("FLG0204", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Globals.Request", "'Audit.last', a member of an extension, which lives as long as its apps"),
        new DiagnosticResult("FLG0204", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Globals.G", "'ShopApp.Bag', a member of an app, which lives as long as the process"),
        new DiagnosticResult("FLG0204", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("Globals.Session", "'Worker.seen', a member of a hosted service, which lives as long as the host"),
        new DiagnosticResult("FLG0204", DiagnosticSeverity.Warning).WithLocation(3).WithArguments("Globals.Request", "'Timing.current', a member of a middleware, made once for the whole pipeline"));
}
