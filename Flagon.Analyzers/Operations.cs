using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Analyzers
{
    /// <summary>Walks the analyzers share over IOperation trees.</summary>
    internal static class Operations
    {
        /// <summary>The value under implicit and explicit conversions and delegate creations.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IDelegateCreationOperation creation:
                        operation = creation.Target;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The call (invocation or object creation) that <paramref name="function"/> is given to as an argument, or null.</summary>
        public static IOperation? CallTaking(IAnonymousFunctionOperation function)
        {
            var parent = function.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }
            return parent is IArgumentOperation argument ? argument.Parent : null;
        }
    }
}
