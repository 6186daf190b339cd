using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>Where a binding error points.</summary>
    internal enum ErrorTarget
    {
        /// <summary>Characters [Start, Start+Length) of the rule's string literal.</summary>
        RuleSpan,

        /// <summary>The attribute argument named <see cref="BindingError.ArgumentName"/>, or the whole attribute.</summary>
        Attribute,

        /// <summary>The method's parameter number <see cref="BindingError.Start"/>.</summary>
        Parameter,

        /// <summary>The method's name.</summary>
        Method,
    }

    /// <summary>A problem that keeps a view or a rule from being compiled, found by <see cref="ViewBinder"/>.</summary>
    internal sealed class BindingError
    {
        public BindingError(DiagnosticDescriptor descriptor, ErrorTarget target, int start, int length, string? argumentName, params object[] messageArgs)
        {
            Descriptor = descriptor;
            Target = target;
            Start = start;
            Length = length;
            ArgumentName = argumentName;
            MessageArgs = messageArgs;
        }

        public DiagnosticDescriptor Descriptor { get; }
        public ErrorTarget Target { get; }
        public int Start { get; }
        public int Length { get; }
        public string? ArgumentName { get; }
        public object[] MessageArgs { get; }
    }
}
