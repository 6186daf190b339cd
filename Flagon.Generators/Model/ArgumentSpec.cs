namespace Flagon.Generators.Model
{
    /// <summary>Where a view parameter's value comes from, for one rule.</summary>
    internal enum ArgumentSource
    {
        /// <summary>A rule variable (<see cref="ArgumentSpec.Index"/> is the variable's index).</summary>
        Variable,

        /// <summary>The rule's <c>Defaults</c> (<see cref="ArgumentSpec.Literal"/> is the C# value).</summary>
        Default,

        /// <summary>Nothing: the parameter's own default value applies.</summary>
        Omitted,
        HttpContext,
        HttpRequest,
        HttpResponse,
        CancellationToken,

        /// <summary>The app's services (<see cref="ArgumentSpec.TypeName"/>).</summary>
        Service,

        /// <summary>The HttpError an error handler handles.</summary>
        Error,

        /// <summary>The response an [AfterRequest] hook receives.</summary>
        Response,
    }

    /// <summary>How one view parameter is filled for one rule.</summary>
    internal sealed record ArgumentSpec(string ParameterName, ArgumentSource Source, int Index, string Literal, string TypeName);
}
