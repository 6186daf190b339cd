using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>An [ErrorHandler] method: the statuses it handles and how to call it.</summary>
    /// <param name="ContainingType">The declaring type (global:: form).</param>
    /// <param name="MethodName">The handler's name.</param>
    /// <param name="IsStatic">Whether it is static; otherwise its class is created per call, from services.</param>
    /// <param name="ConstructorServices">For instance handlers: the constructor's parameter types.</param>
    /// <param name="Codes">The statuses it handles.</param>
    /// <param name="ReturnKind">How its return value is written.</param>
    /// <param name="AwaitedKind">For <see cref="ReturnKind.Awaited"/>: how the awaited value is written.</param>
    /// <param name="Arguments">How each parameter is filled.</param>
    /// <param name="Blueprint">The blueprint class it belongs to, or empty for the app.</param>
    /// <param name="ExceptionTypes">The exception types it handles (fully qualified), with their depth in the hierarchy.</param>
    internal sealed record ErrorHandlerSpec(
        string ContainingType,
        string MethodName,
        bool IsStatic,
        EquatableArray<string> ConstructorServices,
        EquatableArray<int> Codes,
        ReturnKind ReturnKind,
        EquatableArray<ArgumentSpec> Arguments,
        string Blueprint,
        EquatableArray<ExceptionTypeSpec> ExceptionTypes,
        ReturnKind AwaitedKind = ReturnKind.Unsupported);

    /// <summary>An exception type a handler takes; deeper types are more specific and tried first.</summary>
    internal sealed record ExceptionTypeSpec(string TypeName, int Depth);
}
