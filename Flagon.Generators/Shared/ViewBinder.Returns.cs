using System;
using System.Collections.Generic;
using System.Linq;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    // How a view's or a hook's declared return type becomes a response (ReturnKind), and which fit a hook.
    internal static partial class ViewBinder
    {
        public static ReturnKind ClassifyReturn(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return ReturnKind.String;
            }
            if (type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length == 2
                && tuple.TupleElements[0].Type.SpecialType == SpecialType.System_String
                && tuple.TupleElements[1].Type.SpecialType == SpecialType.System_Int32)
            {
                return ReturnKind.StringWithStatus;
            }
            if (IsResponse(type))
            {
                return ReturnKind.Response;
            }
            if (type is INamedTypeSymbol { IsGenericType: true } stream
                && stream.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IAsyncEnumerable<T>"
                && (stream.TypeArguments[0].SpecialType == SpecialType.System_String
                    || stream.TypeArguments[0] is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }))
            {
                return ReturnKind.Stream;
            }
            if (IsOrDerives(type, "System.IO.Stream"))
            {
                return ReturnKind.Stream;
            }
            if (type.ToDisplayString() == IResultName || type.AllInterfaces.Any(i => i.ToDisplayString() == IResultName))
            {
                return ReturnKind.Result;
            }
            if (type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } plainTask
                && plainTask.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks")
            {
                return ReturnKind.Task;
            }
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                || type.ToDisplayString() == "System.ReadOnlyMemory<byte>")
            {
                return ReturnKind.Bytes;
            }
            if (type is INamedTypeSymbol { IsTupleType: true } withHeaders
                && withHeaders.TupleElements.Length is 2 or 3
                && withHeaders.TupleElements[0].Type.SpecialType == SpecialType.System_String
                && (withHeaders.TupleElements.Length == 2 || withHeaders.TupleElements[1].Type.SpecialType == SpecialType.System_Int32)
                && IsHeaders(withHeaders.TupleElements[withHeaders.TupleElements.Length - 1].Type))
            {
                return ReturnKind.StringWithHeaders;
            }
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                && generic.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks")
            {
                var result = generic.TypeArguments[0];
                switch (generic.Name)
                {
                    case "Task" when result.SpecialType == SpecialType.System_String:
                        return ReturnKind.TaskOfString;
                    case "ValueTask" when result.SpecialType == SpecialType.System_String:
                        return ReturnKind.ValueTaskOfString;
                    case "Task" when IsResponse(result):
                        return ReturnKind.TaskOfResponse;
                    case "Task" or "ValueTask" when IsAwaitable(ClassifyReturn(result)):
                        return ReturnKind.Awaited;
                }
            }
            // Anything else that is data (not a delegate, pointer, task or void) goes out as JSON.
            // Primitives, streams and other disposable resources are not data: Flask refuses them too.
            if (type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Array or TypeKind.Interface
                && type.SpecialType == SpecialType.None
                && !(type is INamedTypeSymbol { ContainingNamespace: { } ns } && ns.ToDisplayString() is "System.Threading.Tasks" or "System.IO")
                && !type.AllInterfaces.Any(i => i.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable"))
            {
                return ReturnKind.Json;
            }
            return ReturnKind.Unsupported;
        }

        /// <summary>For a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> (<see cref="ReturnKind.Awaited"/>): how its T is written.</summary>
        public static ReturnKind ClassifyAwaited(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } generic
                && generic.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks"
                && ClassifyReturn(generic.TypeArguments[0]) is var inner && IsAwaitable(inner)
                    ? inner
                    : ReturnKind.Unsupported;

        private static bool IsAwaitable(ReturnKind inner) =>
            inner is ReturnKind.String or ReturnKind.StringWithStatus or ReturnKind.Response or ReturnKind.Bytes or ReturnKind.StringWithHeaders
                or ReturnKind.Json or ReturnKind.Result or ReturnKind.Stream;

        private const string IResultName = "Microsoft.AspNetCore.Http.IResult";

        private static bool IsOrDerives(ITypeSymbol type, string name)
        {
            for (var t = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated); t is not null; t = t.BaseType)
            {
                if (t.ToDisplayString() == name)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Whether a request hook of <paramref name="kind"/> may return <paramref name="method"/>'s type: before-request
        /// hooks nothing, a string or a Response (an answer when not null); after-request hooks nothing or a Response;
        /// teardown hooks nothing; each also as a Task or ValueTask of it.
        /// </summary>
        public static bool HookReturnFits(HookKind kind, IMethodSymbol method)
        {
            var returned = method.ReturnsVoid ? ReturnKind.Void : ClassifyReturn(method.ReturnType);
            var awaited = ClassifyAwaited(method.ReturnType);
            switch (kind)
            {
                case HookKind.BeforeRequest:
                    return returned is ReturnKind.Void or ReturnKind.Task or ReturnKind.String or ReturnKind.Response
                        or ReturnKind.TaskOfString or ReturnKind.ValueTaskOfString or ReturnKind.TaskOfResponse
                        || (returned == ReturnKind.Awaited && awaited is ReturnKind.String or ReturnKind.Response);
                case HookKind.AfterRequest:
                    return returned is ReturnKind.Void or ReturnKind.Task or ReturnKind.Response or ReturnKind.TaskOfResponse
                        || (returned == ReturnKind.Awaited && awaited == ReturnKind.Response);
                default:
                    return returned is ReturnKind.Void or ReturnKind.Task;
            }
        }

        /// <summary>What a hook of <paramref name="kind"/> may return, in the words of FLG0108.</summary>
        public static string HookReturnsAllowed(HookKind kind) => kind switch
        {
            HookKind.BeforeRequest => "void, string? or Response? (or a Task of them)",
            HookKind.AfterRequest => "void or Response (or a Task of them)",
            _ => "void or Task",
        };

        private static bool IsHeaders(ITypeSymbol type) =>
            type.AllInterfaces.Append(type as INamedTypeSymbol).Any(i => i is not null
                && i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IEnumerable<T>"
                && i.TypeArguments[0].ToDisplayString() == "System.Collections.Generic.KeyValuePair<string, string>");

        private static bool IsResponse(ITypeSymbol type)
        {
            for (var t = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated); t is not null; t = t.BaseType)
            {
                if (t.ToDisplayString() == "Flagon.Response")
                {
                    return true;
                }
            }
            return false;
        }
    }
}
