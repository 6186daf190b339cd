using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// Writes a table's <c>AddHandlers</c>: registers its [ErrorHandler] methods and request hooks in the app's or the
    /// blueprint's Scaffold, each as a static lambda that calls the method directly.
    /// </summary>
    internal static class HandlerEmitter
    {
        private const string Hooks = "global::Flagon.Dispatch.Hooks";

        public static void Emit(IndentedTextWriter w, IReadOnlyList<ErrorHandlerSpec> handlers, IReadOnlyList<HookSpec> hooks)
        {
            if (handlers.Count == 0 && hooks.Count == 0)
            {
                return;
            }
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override void AddHandlers(global::Flagon.Dispatch.Scaffold scaffold)");
            w.WriteLine("{");
            w.Indent++;
            EmitErrorHandlers(w, handlers);
            foreach (var hook in hooks)
            {
                EmitHook(w, hook);
            }
            w.Indent--;
            w.WriteLine("}");
        }

        private static void EmitErrorHandlers(IndentedTextWriter w, IReadOnlyList<ErrorHandlerSpec> handlers)
        {
            // The first handler of a status or type wins (a duplicate is a mistake the analyzers may report).
            var seenCodes = new HashSet<int>();
            var seenTypes = new HashSet<string>();
            foreach (var handler in handlers)
            {
                var codes = handler.Codes.Where(seenCodes.Add).ToList();
                var types = handler.ExceptionTypes.Select(t => t.TypeName).Where(seenTypes.Add).ToList();
                if (codes.Count == 0 && types.Count == 0)
                {
                    continue;
                }
                string call = InvokeEmitter.CallExpression(handler.ContainingType, handler.MethodName, handler.IsStatic, handler.ConstructorServices, handler.Arguments);
                string body = InvokeEmitter.WriteResponse(handler.ReturnKind, call, $"{Hooks}.StatusOf(error)", handler.AwaitedKind);
                w.WriteLine($"// [ErrorHandler] {Short(handler.ContainingType)}.{handler.MethodName}");
                foreach (var code in codes)
                {
                    w.WriteLine($"scaffold.AddErrorHandler({code}, static (context, error) => {body});");
                }
                foreach (var type in types)
                {
                    w.WriteLine($"scaffold.AddErrorHandler(typeof({type}), static (context, error) => {body});");
                }
            }
        }

        private static void EmitHook(IndentedTextWriter w, HookSpec hook)
        {
            string call = InvokeEmitter.CallExpression(hook.ContainingType, hook.MethodName, hook.IsStatic, hook.ConstructorServices, hook.Arguments);
            bool returnsNothing = hook.ReturnKind == ReturnKind.Void;
            w.WriteLine($"// [{hook.Kind}] {Short(hook.ContainingType)}.{hook.MethodName}");
            switch (hook.Kind)
            {
                case HookKind.BeforeRequest:
                    w.WriteLine(returnsNothing
                        ? $"scaffold.AddBeforeRequest(static context => {{ {call}; return default; }});"
                        : $"scaffold.AddBeforeRequest(static context => {Hooks}.Before({call}));");
                    break;
                case HookKind.AfterRequest:
                    w.WriteLine(returnsNothing
                        ? $"scaffold.AddAfterRequest(static (context, response) => {{ {call}; return new(response); }});"
                        : $"scaffold.AddAfterRequest(static (context, response) => {Hooks}.After({call}, response));");
                    break;
                default:
                    w.WriteLine(returnsNothing
                        ? $"scaffold.AddTeardownRequest(static (context, error) => {{ {call}; return default; }});"
                        : $"scaffold.AddTeardownRequest(static (context, error) => {Hooks}.Teardown({call}));");
                    break;
            }
        }

        private static string Short(string typeName) => typeName.StartsWith("global::") ? typeName.Substring("global::".Length) : typeName;
    }
}
