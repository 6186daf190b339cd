using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>Writes a table's <c>TryHandleError</c>: a switch on the status calling the [ErrorHandler] directly.</summary>
    internal static class ErrorHandlerEmitter
    {
        public static void Emit(IndentedTextWriter w, IReadOnlyList<ErrorHandlerSpec> handlers)
        {
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
                w.WriteLine($"written = {InvokeEmitter.WriteResponse(handler.ReturnKind, call, "error.Code")};");
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
