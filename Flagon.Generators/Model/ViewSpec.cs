using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>How a view's return value becomes a response; chosen at build time from the declared type.</summary>
    internal enum ReturnKind
    {
        Unsupported,
        String,

        /// <summary>A <c>(string, int)</c> tuple: body and status.</summary>
        StringWithStatus,

        /// <summary>A Flagon.Response (or a subclass).</summary>
        Response,

        /// <summary>A <c>Task&lt;string&gt;</c>.</summary>
        TaskOfString,

        /// <summary>A <c>ValueTask&lt;string&gt;</c>.</summary>
        ValueTaskOfString,

        /// <summary>A <c>Task&lt;Response&gt;</c>.</summary>
        TaskOfResponse,

        /// <summary>Nothing (request hooks only).</summary>
        Void,

        /// <summary><c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c>: the body as it is.</summary>
        Bytes,

        /// <summary><c>(string, headers)</c> or <c>(string, int, headers)</c>.</summary>
        StringWithHeaders,

        /// <summary>Any other object or collection: serialized as JSON (Flask's jsonify).</summary>
        Json,

        /// <summary><c>IAsyncEnumerable&lt;string&gt;</c>, <c>IAsyncEnumerable&lt;byte[]&gt;</c> or a <c>Stream</c>: streamed as it comes.</summary>
        Stream,

        /// <summary>Any other <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>: awaited, then T written as its own kind says.</summary>
        Awaited,

        /// <summary>A plain <c>Task</c> or <c>ValueTask</c> (request hooks only).</summary>
        Task,

        /// <summary>An ASP.NET Core <c>IResult</c>: executed.</summary>
        Result,
    }

    /// <summary>A view method and its rules: plain data, no symbols, so the pipeline can cache it.</summary>
    /// <param name="ContainingType">The fully qualified name of the declaring type (global:: form).</param>
    /// <param name="MethodName">The view's name in C#.</param>
    /// <param name="IsStatic">Whether the view is static; otherwise generated code creates the class per request.</param>
    /// <param name="ConstructorServices">For instance views: the constructor's parameter types, resolved from the app's services.</param>
    /// <param name="ReturnKind">How its return value is written.</param>
    /// <param name="Blueprint">The fully qualified name of the blueprint class, or empty for an app-level view.</param>
    /// <param name="Rules">The view's rules, in declaration order.</param>
    /// <param name="AwaitedKind">For <see cref="ReturnKind.Awaited"/>: how the awaited value is written.</param>
    /// <param name="ParameterDocs">The <c>&lt;param&gt;</c> docs of its parameters (for its rules' RuleVariable metadata).</param>
    /// <param name="Metadata">
    /// The C# expressions creating its endpoint's metadata: what its doc comment and types say (summary, JSON in and
    /// out), then the attributes of its class, then its own (Flagon's excepted).
    /// </param>
    /// <param name="DelegateType">
    /// For a view given to AddUrlRule: the Func type it is called through (the table holds the delegate);
    /// empty for a [Route] view, which is called directly.
    /// </param>
    internal sealed record ViewSpec(
        string ContainingType,
        string MethodName,
        bool IsStatic,
        EquatableArray<string> ConstructorServices,
        ReturnKind ReturnKind,
        string Blueprint,
        EquatableArray<RuleSpec> Rules,
        EquatableArray<string> Metadata,
        string DelegateType = "",
        ReturnKind AwaitedKind = ReturnKind.Unsupported,
        EquatableArray<ParameterDocSpec> ParameterDocs = default);
}
