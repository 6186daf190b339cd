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
        public static ReturnKind ClassifyReturn(KnownTypes known, ITypeSymbol type)
        {
            // Text, and a query or form field (Request.Args["q"]), written as Flask writes request.args["q"]: its first
            // value, as text, not as a JSON array (ResponseWriter's StringValues overload).
            if (type.SpecialType == SpecialType.System_String || KnownTypes.Is(type, known.StringValues))
            {
                return ReturnKind.String;
            }
            if (type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length == 2
                && tuple.TupleElements[0].Type.SpecialType == SpecialType.System_String
                && tuple.TupleElements[1].Type.SpecialType == SpecialType.System_Int32)
            {
                return ReturnKind.StringWithStatus;
            }
            if (KnownTypes.IsOrDerives(type, known.Response))
            {
                return ReturnKind.Response;
            }
            if (type is INamedTypeSymbol { IsGenericType: true } stream
                && KnownTypes.IsConstructed(stream, known.IAsyncEnumerableOfT)
                && (stream.TypeArguments[0].SpecialType == SpecialType.System_String
                    || stream.TypeArguments[0] is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }))
            {
                return ReturnKind.Stream;
            }
            if (KnownTypes.IsOrDerives(type, known.Stream))
            {
                return ReturnKind.Stream;
            }
            if (KnownTypes.Implements(type, known.IResult))
            {
                return ReturnKind.Result;
            }
            if (KnownTypes.Is(type, known.Task) || KnownTypes.Is(type, known.ValueTask))
            {
                return ReturnKind.Task;
            }
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                || (KnownTypes.IsConstructed(type, known.ReadOnlyMemoryOfT)
                    && ((INamedTypeSymbol)type).TypeArguments[0].SpecialType == SpecialType.System_Byte))
            {
                return ReturnKind.Bytes;
            }
            if (type is INamedTypeSymbol { IsTupleType: true } withHeaders
                && withHeaders.TupleElements.Length is 2 or 3
                && withHeaders.TupleElements[0].Type.SpecialType == SpecialType.System_String
                && (withHeaders.TupleElements.Length == 2 || withHeaders.TupleElements[1].Type.SpecialType == SpecialType.System_Int32)
                && IsHeaders(known, withHeaders.TupleElements[withHeaders.TupleElements.Length - 1].Type))
            {
                return ReturnKind.StringWithHeaders;
            }
            bool isTask = KnownTypes.IsConstructed(type, known.TaskOfT);
            if (isTask || KnownTypes.IsConstructed(type, known.ValueTaskOfT))
            {
                var result = ((INamedTypeSymbol)type).TypeArguments[0];
                if (result.SpecialType == SpecialType.System_String)
                {
                    return isTask ? ReturnKind.TaskOfString : ReturnKind.ValueTaskOfString;
                }
                if (isTask && KnownTypes.IsOrDerives(result, known.Response))
                {
                    return ReturnKind.TaskOfResponse;
                }
                if (IsAwaitable(ClassifyReturn(known, result)))
                {
                    return ReturnKind.Awaited;
                }
            }
            // Anything else that is data (not a delegate, pointer, task or void) goes out as JSON.
            // Primitives, streams and other disposable resources are not data: Flask refuses them too.
            if (type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Array or TypeKind.Interface
                && type.SpecialType == SpecialType.None
                && !IsTaskOrIO(type)
                && !KnownTypes.Implements(type, known.Compilation.GetSpecialType(SpecialType.System_IDisposable))
                && !KnownTypes.Implements(type, known.IAsyncDisposable))
            {
                return ReturnKind.Json;
            }
            return ReturnKind.Unsupported;
        }

        /// <summary>For a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> (<see cref="ReturnKind.Awaited"/>): how its T is written.</summary>
        public static ReturnKind ClassifyAwaited(KnownTypes known, ITypeSymbol type) =>
            (KnownTypes.IsConstructed(type, known.TaskOfT) || KnownTypes.IsConstructed(type, known.ValueTaskOfT))
                && ClassifyReturn(known, ((INamedTypeSymbol)type).TypeArguments[0]) is var inner && IsAwaitable(inner)
                    ? inner
                    : ReturnKind.Unsupported;

        // Types of System.Threading.Tasks and System.IO (tasks, streams, files, watchers) are never data.
        private static bool IsTaskOrIO(ITypeSymbol type) =>
            KnownTypes.InNamespace(type, "System.Threading.Tasks") || KnownTypes.InNamespace(type, "System.IO");

        private static bool IsAwaitable(ReturnKind inner) =>
            inner is ReturnKind.String or ReturnKind.StringWithStatus or ReturnKind.Response or ReturnKind.Bytes or ReturnKind.StringWithHeaders
                or ReturnKind.Json or ReturnKind.Result or ReturnKind.Stream;

        /// <summary>
        /// Whether a request hook of <paramref name="kind"/> may return <paramref name="method"/>'s type: before-request
        /// hooks nothing, a string or a Response (an answer when not null); after-request hooks nothing or a Response;
        /// teardown hooks nothing; each also as a Task or ValueTask of it.
        /// </summary>
        public static bool HookReturnFits(KnownTypes known, HookKind kind, IMethodSymbol method)
        {
            var returned = method.ReturnsVoid ? ReturnKind.Void : ClassifyReturn(known, method.ReturnType);
            var awaited = ClassifyAwaited(known, method.ReturnType);
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

        // IEnumerable<KeyValuePair<string, string>>, or a type implementing it.
        private static bool IsHeaders(KnownTypes known, ITypeSymbol type)
        {
            var enumerable = known.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            foreach (var candidate in type.AllInterfaces.Append(type as INamedTypeSymbol))
            {
                if (KnownTypes.IsConstructed(candidate, enumerable)
                    && candidate!.TypeArguments[0] is INamedTypeSymbol pair && KnownTypes.IsConstructed(pair, known.KeyValuePairOfT)
                    && pair.TypeArguments[0].SpecialType == SpecialType.System_String && pair.TypeArguments[1].SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
