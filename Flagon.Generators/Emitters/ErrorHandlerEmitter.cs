using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>Writes a table's <c>TryHandleError</c>: a switch on the status calling the [ErrorHandler] directly.</summary>
    internal static class ErrorHandlerEmitter
    {
        // Exception-type handlers, most specific type first (deeper in the hierarchy), as Flask picks them.
        private static void EmitExceptionHandlers(IndentedTextWriter w, IReadOnlyList<ErrorHandlerSpec> handlers)
        {
            var byType = handlers
                .SelectMany(h => h.ExceptionTypes.Select(t => (Type: t, Handler: h)))
                .OrderByDescending(x => x.Type.Depth)
                .ThenBy(x => x.Type.TypeName, System.StringComparer.Ordinal)
                .ToList();
            if (byType.Count == 0)
            {
                return;
            }
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override bool TryHandleException(global::Microsoft.AspNetCore.Http.HttpContext context, global::System.Exception error, out global::System.Threading.Tasks.ValueTask written)");
            w.WriteLine("{");
            w.Indent++;
            foreach (var (type, handler) in byType)
            {
                w.WriteLine($"if (error is {type.TypeName})");
                w.WriteLine("{");
                w.Indent++;
                string call = InvokeEmitter.CallExpression(handler.ContainingType, handler.MethodName, handler.IsStatic, handler.ConstructorServices, handler.Arguments);
                w.WriteLine($"written = {InvokeEmitter.WriteResponse(handler.ReturnKind, call, "500", handler.AwaitedKind)};");
                w.WriteLine("return true;");
                w.Indent--;
                w.WriteLine("}");
            }
            w.WriteLine("written = default;");
            w.WriteLine("return false;");
            w.Indent--;
            w.WriteLine("}");

            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override int ExceptionHandlerDepth(global::System.Exception error)");
            w.WriteLine("{");
            w.Indent++;
            foreach (var (type, _) in byType)
            {
                w.WriteLine($"if (error is {type.TypeName})");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine($"return {type.Depth};");
                w.Indent--;
                w.WriteLine("}");
            }
            w.WriteLine("return -1;");
            w.Indent--;
            w.WriteLine("}");
        }

        public static void Emit(IndentedTextWriter w, IReadOnlyList<ErrorHandlerSpec> handlers)
        {
            EmitExceptionHandlers(w, handlers);
            handlers = handlers.Where(h => h.Codes.Count > 0).ToList();
            if (handlers.Count == 0)
            {
                return;
            }
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override bool TryHandleError(global::Microsoft.AspNetCore.Http.HttpContext context, global::Flagon.HttpError error, out global::System.Threading.Tasks.ValueTask written)");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine("switch (error.Code)");
            w.WriteLine("{");
            w.Indent++;
            var seen = new HashSet<int>();
            foreach (var handler in handlers)
            {
                // The first handler of a status wins (a duplicate is a mistake the analyzers may report).
                var codes = handler.Codes.Where(seen.Add).ToList();
                if (codes.Count == 0)
                {
                    continue;
                }
                foreach (var code in codes)
                {
                    w.WriteLine($"case {code}:");
                }
                w.Indent++;
                string call = InvokeEmitter.CallExpression(handler.ContainingType, handler.MethodName, handler.IsStatic, handler.ConstructorServices, handler.Arguments);
                w.WriteLine($"written = {InvokeEmitter.WriteResponse(handler.ReturnKind, call, "error.Code", handler.AwaitedKind)};");
                w.WriteLine("return true;");
                w.Indent--;
            }
            w.WriteLine("default:");
            w.Indent++;
            w.WriteLine("written = default;");
            w.WriteLine("return false;");
            w.Indent--;
            w.Indent--;
            w.WriteLine("}");
            w.Indent--;
            w.WriteLine("}");
        }
    }
}
