using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>The request hooks.</summary>
    internal enum HookKind
    {
        BeforeRequest,
        AfterRequest,
        TeardownRequest,
    }

    /// <summary>A request hook method and how to call it; hooks run in the order they are declared (reversed for after-request).</summary>
    internal sealed record HookSpec(
        HookKind Kind,
        string ContainingType,
        string MethodName,
        bool IsStatic,
        EquatableArray<string> ConstructorServices,
        ReturnKind ReturnKind,
        EquatableArray<ArgumentSpec> Arguments,
        string Blueprint,
        string FilePath,
        int Order);
}
