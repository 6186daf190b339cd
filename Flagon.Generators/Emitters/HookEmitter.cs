using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>Writes a table's request hooks: direct calls, in declaration order (after-request in reverse).</summary>
    internal static class HookEmitter
    {
        public static void Emit(IndentedTextWriter w, IReadOnlyList<HookSpec> hooks)
        {
            if (hooks.Count == 0)
            {
                return;
            }
            const string Context = "global::Microsoft.AspNetCore.Http.HttpContext context";
            w.WriteLineNoTabs(string.Empty);
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override bool HasRequestHooks => true;");

            var before = hooks.Where(h => h.Kind == HookKind.BeforeRequest).ToList();
            if (before.Count > 0)
            {
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine($"public override global::Flagon.Response? RunBeforeRequest({Context})");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("global::System.Exception? error = null;");
                foreach (var hook in before)
                {
                    string call = Call(hook);
                    switch (hook.ReturnKind)
                    {
                        case ReturnKind.String:
                            w.WriteLine($"if ({call} is {{ }} {hook.MethodName}Answer)");
                            w.WriteLine("{");
                            w.Indent++;
                            w.WriteLine($"return new global::Flagon.Response({hook.MethodName}Answer);");
                            w.Indent--;
                            w.WriteLine("}");
                            break;
                        case ReturnKind.Response:
                            w.WriteLine($"if ({call} is {{ }} {hook.MethodName}Answer)");
                            w.WriteLine("{");
                            w.Indent++;
                            w.WriteLine($"return {hook.MethodName}Answer;");
                            w.Indent--;
                            w.WriteLine("}");
                            break;
                        default:
                            w.WriteLine($"{call};");
                            break;
                    }
                }
                w.WriteLine("_ = error;");
                w.WriteLine("return null;");
                w.Indent--;
                w.WriteLine("}");
            }

            var after = hooks.Where(h => h.Kind == HookKind.AfterRequest).Reverse().ToList();
            if (after.Count > 0)
            {
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine($"public override global::Flagon.Response RunAfterRequest({Context}, global::Flagon.Response response)");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("global::System.Exception? error = null;");
                foreach (var hook in after)
                {
                    w.WriteLine(hook.ReturnKind == ReturnKind.Response ? $"response = {Call(hook)} ?? response;" : $"{Call(hook)};");
                }
                w.WriteLine("_ = error;");
                w.WriteLine("return response;");
                w.Indent--;
                w.WriteLine("}");
            }

            var teardown = hooks.Where(h => h.Kind == HookKind.TeardownRequest).ToList();
            if (teardown.Count > 0)
            {
                w.WriteLineNoTabs(string.Empty);
                w.WriteLine("/// <inheritdoc/>");
                w.WriteLine($"public override void RunTeardownRequest({Context}, global::System.Exception? error)");
                w.WriteLine("{");
                w.Indent++;
                w.WriteLine("global::Flagon.Response? response = null;");
                foreach (var hook in teardown)
                {
                    w.WriteLine($"{Call(hook)};");
                }
                w.WriteLine("_ = response;");
                w.Indent--;
                w.WriteLine("}");
            }
        }

        private static string Call(HookSpec hook) =>
            InvokeEmitter.CallExpression(hook.ContainingType, hook.MethodName, hook.IsStatic, hook.ConstructorServices, hook.Arguments);
    }
}
