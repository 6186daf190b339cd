using Flagon.Generators.Helpers;

namespace Flagon.Generators.Model
{
    /// <summary>
    /// The app's views of one class, which get a file of their own (their invoke methods, URL builders and typed
    /// UrlFor methods), so that editing one class's rules re-writes that file and the shared table only.
    /// </summary>
    /// <param name="TypeName">The class, fully qualified.</param>
    /// <param name="Views">Its views, in the model's order.</param>
    /// <param name="Endpoints">The endpoints whose URL builders and typed methods this file holds, with their method names.</param>
    internal sealed record AppPartSpec(string TypeName, EquatableArray<ViewSpec> Views, EquatableArray<EndpointMethodSpec> Endpoints);

    /// <summary>An endpoint and the name of its typed UrlFor method (unique among the app's endpoints).</summary>
    internal sealed record EndpointMethodSpec(string Endpoint, string MethodName);
}
