using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;

namespace Flagon.Generators.Emitters
{
    /// <summary>
    /// Writes <c>InvokeAsync</c>: for each rule, parse its values from the matched ranges into the view's parameter
    /// types, call the view directly, and write its return value.
    /// </summary>
    internal sealed class InvokeEmitter
    {
        private const string Converters = "global::Flagon.Routing.Converters";
        private readonly IndentedTextWriter w;

        private readonly ConverterFields converterFields;

        public InvokeEmitter(IndentedTextWriter writer, string fieldPrefix = "Invoke")
        {
            w = writer;
            converterFields = new ConverterFields(fieldPrefix);
        }

        /// <summary>The instances of the program's own converters the methods call, declared after them.</summary>
        public void EmitConverterFields() => converterFields.WriteTo(w);

        public void Emit(IReadOnlyList<TableRule> rules)
        {
            EmitDispatch(rules, rule => $"Invoke{rule.Index}");
            w.WriteLineNoTabs(string.Empty);
            EmitMethods(rules, rule => $"Invoke{rule.Index}", "private");
            EmitConverterFields();
        }

        /// <summary>InvokeAsync: a switch over the matched rule, calling <paramref name="method"/> of each.</summary>
        public void EmitDispatch(IReadOnlyList<TableRule> rules, System.Func<TableRule, string> method)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override global::System.Threading.Tasks.ValueTask InvokeAsync(global::Microsoft.AspNetCore.Http.HttpContext context, global::System.ReadOnlySpan<char> path, in global::Flagon.Routing.RouteMatch match)");
            w.WriteLine("{");
            w.Indent++;
            w.WriteLine("switch (match.RuleIndex)");
            w.WriteLine("{");
            w.Indent++;
            foreach (var rule in rules)
            {
                w.WriteLine($"case {rule.Index}: // {rule.Rule.Pattern} -> {rule.Rule.Endpoint}");
                w.Indent++;
                w.WriteLine($"return {method(rule)}(context, path, in match);");
                w.Indent--;
            }
            w.WriteLine("default:");
            w.Indent++;
            w.WriteLine("throw new global::System.ArgumentOutOfRangeException(nameof(match), match.RuleIndex, \"No such rule.\");");
            w.Indent--;
            w.Indent--;
            w.WriteLine("}");
            w.Indent--;
            w.WriteLine("}");
        }

        /// <summary>
        /// One small method per rule, never inlined: a step-into lands on the binding of that rule, each stays small
        /// enough for the JIT to optimize fully, and the switch that calls them keeps a frame of a few bytes (with the
        /// rules inlined into it, the JIT zeroed a frame of several kilobytes per request for a table of 200 rules).
        /// </summary>
        public void EmitMethods(IReadOnlyList<TableRule> rules, System.Func<TableRule, string> name, string access)
        {
            bool first = true;
            foreach (var rule in rules)
            {
                if (!first)
                {
                    w.WriteLineNoTabs(string.Empty);
                }
                first = false;
                w.WriteLine($"// {rule.Rule.Pattern} -> {rule.Rule.Endpoint}: bind the values, call {rule.View.MethodName}, write its response.");
                // Not inlined into InvokeAsync's switch: inlined there, every rule's locals would join one frame that
                // is zeroed on every request (kilobytes for a large table).
                w.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
                w.WriteLine($"{access} {(rule.View.DelegateType.Length == 0 ? "static " : string.Empty)}global::System.Threading.Tasks.ValueTask {name(rule)}(global::Microsoft.AspNetCore.Http.HttpContext context, global::System.ReadOnlySpan<char> path, in global::Flagon.Routing.RouteMatch match)");
                w.WriteLine("{");
                w.Indent++;
                for (int i = 0; i < rule.Rule.Variables.Count; i++)
                {
                    EmitValue(rule.Rule.Variables[i], i);
                }
                w.WriteLine($"return {WriteResponse(rule.View, Call(rule))};");
                w.Indent--;
                w.WriteLine("}");
            }
        }

        // The matcher already checked the value, so parsing here succeeds; it parses again rather than
        // carrying typed values out of Match, which keeps RouteMatch one small struct for every table.
        internal void EmitValue(VariableSpec variable, int index)
        {
            string span = $"path[match.Values[{index}]]";
            var c = variable.Converter;
            switch (variable.Kind)
            {
                case ValueKind.Int32:
                case ValueKind.Int64:
                    w.WriteLine($"{Converters}.TryInt({span}, {c.FixedDigits}, {(c.Signed ? "true" : "false")}, {c.Min}, {c.Max}, out long raw{index});");
                    w.WriteLine(variable.Kind == ValueKind.Int32 ? $"int value{index} = (int)raw{index};" : $"long value{index} = raw{index};");
                    break;
                case ValueKind.Double:
                case ValueKind.Single:
                    w.WriteLine($"{Converters}.TryFloat({span}, {(c.Signed ? "true" : "false")}, {c.Min}, {c.Max}, out double raw{index});");
                    w.WriteLine(variable.Kind == ValueKind.Double ? $"double value{index} = raw{index};" : $"float value{index} = (float)raw{index};");
                    break;
                case ValueKind.Guid:
                    w.WriteLine($"{Converters}.TryUuid({span}, out global::System.Guid value{index});");
                    break;
                case ValueKind.Custom:
                    w.WriteLine($"{converterFields.Field(c)}.TryParse({span}, out var raw{index});");
                    w.WriteLine($"{variable.TypeName} value{index} = raw{index}!;");
                    break;
                case ValueKind.Enum:
                    w.WriteLine($"{variable.TypeName} value{index} = {span} switch");
                    w.WriteLine("{");
                    w.Indent++;
                    for (int i = 0; i < c.Choices.Count; i++)
                    {
                        w.WriteLine($"{MatcherEmitter.Literal(c.Choices[i])} => {variable.TypeName}.{variable.EnumMembers[i]},");
                    }
                    w.WriteLine("_ => default,");
                    w.Indent--;
                    w.WriteLine("};");
                    break;
                default:
                    w.WriteLine($"string value{index} = {Converters}.ToValue({span});");
                    break;
            }
        }

        private static string Call(TableRule rule)
        {
            if (rule.View.DelegateType.Length > 0)
            {
                // Through the delegate AddUrlRule was given: every argument, in order.
                var values = rule.Rule.Arguments.Select(a => a.Source == ArgumentSource.Omitted ? a.Literal : Value(a) ?? "default");
                return $"view({string.Join(", ", values)})";
            }
            return CallExpression(rule.View.ContainingType, rule.View.MethodName, rule.View.IsStatic, rule.View.ConstructorServices, rule.Rule.Arguments);
        }

        private static string? Value(ArgumentSpec argument) => argument.Source switch
        {
            ArgumentSource.Variable => $"value{argument.Index}",
            ArgumentSource.Default => argument.Literal,
            ArgumentSource.HttpContext => "context",
            ArgumentSource.HttpRequest => "context.Request",
            ArgumentSource.HttpResponse => "context.Response",
            ArgumentSource.CancellationToken => "context.RequestAborted",
            ArgumentSource.Service => Service(argument.TypeName),
            ArgumentSource.Error => $"({argument.TypeName})error",
            ArgumentSource.Response => "response",
            _ => null,
        };

        /// <summary>A direct call of a view or handler, each argument from where the binder said it comes.</summary>
        internal static string CallExpression(string type, string method, bool isStatic, IEnumerable<string> constructorServices, IEnumerable<ArgumentSpec> arguments)
        {
            var values = new List<string>();
            foreach (var argument in arguments)
            {
                string? value = Value(argument);
                if (value is not null)
                {
                    values.Add($"{Identifier(argument.ParameterName)}: {value}");
                }
            }
            string target = isStatic
                ? type
                : $"new {type}({string.Join(", ", constructorServices.Select(Service))})";
            return $"{target}.{method}({string.Join(", ", values)})";
        }

        private static string Identifier(string name) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

        private static string Service(string typeName) =>
            $"global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{typeName}>(context.RequestServices)";

        private static string WriteResponse(ViewSpec view, string call) => WriteResponse(view.ReturnKind, call, null, view.AwaitedKind);

        /// <summary>Writes a return value as the response; a plain body gets <paramref name="status"/> (200 when null).</summary>
        internal static string WriteResponse(ReturnKind kind, string call, string? status, ReturnKind awaitedKind = ReturnKind.Unsupported) => kind switch
        {
            // The status of an error handler's answer depends on the error, so that lambda cannot be static.
            ReturnKind.Awaited =>
                $"global::Flagon.Http.ResponseWriter.WriteAwaitedAsync(context, {call}, {(status is null ? "static " : string.Empty)}(context, value) => {WriteResponse(awaitedKind, "value", status)})",
            ReturnKind.StringWithStatus => $"global::Flagon.Http.ResponseWriter.WriteString(context, {call})",
            ReturnKind.Bytes => $"global::Flagon.Http.ResponseWriter.WriteBytes(context, {call})",
            ReturnKind.StringWithHeaders => $"global::Flagon.Http.ResponseWriter.WriteWithHeaders(context, {call})",
            ReturnKind.Json => $"global::Flagon.Http.ResponseWriter.WriteJson(context, {call})",
            ReturnKind.Stream => $"global::Flagon.Http.ResponseWriter.WriteStreamAsync(context, {call})",
            ReturnKind.Result => $"global::Flagon.Http.ResponseWriter.WriteResult(context, {call})",
            ReturnKind.Response => $"global::Flagon.Http.ResponseWriter.WriteResponse(context, {call})",
            ReturnKind.TaskOfString or ReturnKind.ValueTaskOfString => $"global::Flagon.Http.ResponseWriter.WriteStringAsync(context, {call})",
            ReturnKind.TaskOfResponse => $"global::Flagon.Http.ResponseWriter.WriteResponseAsync(context, {call})",
            _ => status is null
                ? $"global::Flagon.Http.ResponseWriter.WriteString(context, {call})"
                : $"global::Flagon.Http.ResponseWriter.WriteString(context, {call}, {status})",
        };
    }
}
