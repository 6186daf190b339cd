using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Flagon.Generators.Shared
{
    /// <summary>The arguments of an <c>app.AddUrlRule(…)</c> call, when the generator can compile it.</summary>
    internal sealed class UrlRuleCall
    {
        public UrlRuleCall(string rule, IMethodSymbol? view, ITypeSymbol? delegateType, string? endpoint, List<string>? methods, string? defaults, bool strictSlashes)
        {
            DelegateType = delegateType;
            Rule = rule;
            View = view;
            Endpoint = endpoint;
            Methods = methods;
            Defaults = defaults;
            StrictSlashes = strictSlashes;
        }

        public string Rule { get; }
        public IMethodSymbol? View { get; }

        /// <summary>The delegate type the compiler created for the view (a Func, or an unnamed one for a method with defaults).</summary>
        public ITypeSymbol? DelegateType { get; }
        public string? Endpoint { get; }
        public List<string>? Methods { get; }
        public string? Defaults { get; }
        public bool StrictSlashes { get; }
    }

    /// <summary>Reads AddUrlRule calls: shared by the generator (which compiles them) and the analyzers (which report the others).</summary>
    internal static class UrlRuleCalls
    {
        /// <summary>The call's arguments if the rule and the options are constants; null otherwise.</summary>
        public static UrlRuleCall? Read(IInvocationOperation operation)
        {
            string? rule = null, endpoint = null, defaults = null;
            List<string>? methods = null;
            bool strictSlashes = true;
            IMethodSymbol? view = null;
            ITypeSymbol? delegateType = null;
            foreach (var argument in operation.Arguments)
            {
                bool isDefault = argument.ArgumentKind == ArgumentKind.DefaultValue;
                var value = argument.Value;
                switch (argument.Parameter?.Name)
                {
                    case "rule":
                        if (value.ConstantValue is not { HasValue: true, Value: string text })
                        {
                            return null;
                        }
                        rule = text;
                        break;
                    case "view":
                        (view, delegateType) = ViewOf(value);
                        break;
                    case "endpoint":
                    case "defaults":
                        if (!isDefault && !value.ConstantValue.HasValue)
                        {
                            return null;
                        }
                        var constant = isDefault ? null : value.ConstantValue.Value as string;
                        if (argument.Parameter.Name == "endpoint")
                        {
                            endpoint = constant;
                        }
                        else
                        {
                            defaults = constant;
                        }
                        break;
                    case "methods":
                        if (!isDefault)
                        {
                            methods = ConstantStrings(value);
                            if (methods is null)
                            {
                                return null;
                            }
                        }
                        break;
                    case "strictSlashes":
                        if (!isDefault)
                        {
                            if (value.ConstantValue is not { HasValue: true, Value: bool flag })
                            {
                                return null;
                            }
                            strictSlashes = flag;
                        }
                        break;
                }
            }
            return rule is null ? null : new UrlRuleCall(rule, view, delegateType, endpoint, methods, defaults, strictSlashes);
        }

        /// <summary>Whether <paramref name="operation"/> calls <c>App.AddUrlRule</c>.</summary>
        public static bool IsAddUrlRule(KnownTypes known, IInvocationOperation operation) =>
            operation.TargetMethod.Name == "AddUrlRule" && KnownTypes.Is(operation.TargetMethod.ContainingType, known.App);

        /// <summary>The method (or lambda) an <c>app.AddUrlRule(…)</c> call is given as its view, whatever its rule; null for other calls.</summary>
        public static IMethodSymbol? View(KnownTypes known, IInvocationOperation operation)
        {
            if (!IsAddUrlRule(known, operation))
            {
                return null;
            }
            var view = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "view");
            return view is null ? null : ViewOf(view.Value).View;
        }

        // A method group or a lambda converted to Delegate.
        private static (IMethodSymbol? View, ITypeSymbol? DelegateType) ViewOf(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }
            if (value is not IDelegateCreationOperation creation)
            {
                return (null, null);
            }
            IMethodSymbol? method = creation.Target switch
            {
                IMethodReferenceOperation reference => reference.Method,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            return (method, creation.Type);
        }

        private static List<string>? ConstantStrings(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }
            IEnumerable<IOperation>? elements = value switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                _ => null,
            };
            if (elements is null)
            {
                return value.ConstantValue is { HasValue: true, Value: null } ? new List<string>() : null;
            }
            var result = new List<string>();
            foreach (var element in elements)
            {
                if (element.ConstantValue is not { HasValue: true, Value: string text })
                {
                    return null;
                }
                result.Add(text);
            }
            return result;
        }
    }
}
