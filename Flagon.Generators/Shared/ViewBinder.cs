using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Flagon.Generators.Helpers;
using Flagon.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Flagon.Generators.Shared
{
    /// <summary>
    /// Binds a view method and its [Route] attributes into specs: rule parts, converters checked against
    /// parameter types, defaults, and the source of every argument. The generator compiles what binds; the
    /// analyzers report the errors. One implementation, compiled into both, so they never disagree.
    /// </summary>
    internal static class ViewBinder
    {
        public const string RouteAttributeName = "Flagon.RouteAttribute";
        public const string BlueprintAttributeName = "Flagon.BlueprintAttribute";

        /// <summary>Why a [Blueprint] class cannot be extended by the generator, or null when it can.</summary>
        public static string? CheckBlueprint(INamedTypeSymbol type)
        {
            if (type.IsStatic)
            {
                return "it must not be static (it implements IBlueprint)";
            }
            if (type.ContainingType is not null)
            {
                return "it must be a top-level class, not nested";
            }
            if (type.IsGenericType)
            {
                return "it must not be generic";
            }
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword)))
                {
                    return "it must be partial (the generator adds its route table to it)";
                }
            }
            return null;
        }

        /// <summary>Whether generated code in the same assembly can call <paramref name="method"/> directly.</summary>
        public static bool IsCallable(IMethodSymbol method) => NotCallableBecause(method) is null;

        /// <summary>Why generated code cannot call the method, in the words of the fix; null when it can.</summary>
        public static string? NotCallableBecause(IMethodSymbol method) =>
            method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                ? $"it is {(method.DeclaredAccessibility == Accessibility.Private ? "private" : "protected")}; make it public or internal"
            : method.ContainingType.DeclaredAccessibility == Accessibility.Private ? $"its class '{method.ContainingType.Name}' is private; make the class internal or public"
            : method.IsGenericMethod ? "it is generic; the route table cannot choose its type arguments"
            : method.ContainingType.IsGenericType ? $"its class '{method.ContainingType.Name}' is generic; the route table cannot choose its type arguments"
            : null;

        /// <summary>Checks what is wrong with the view as a whole (return type, accessibility, construction).</summary>
        public static void CheckView(IMethodSymbol method, List<BindingError> errors)
        {
            if (NotCallableBecause(method) is { } why)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ViewNotCallable, ErrorTarget.Method, 0, 0, null, method.Name, why));
            }
            else if (!method.IsStatic && !method.ContainingType.IsAbstract && (method.ContainingType.IsStatic || PickConstructor(method.ContainingType) is null))
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ViewNotCallable, ErrorTarget.Method, 0, 0, null, method.Name,
                    $"it is an instance method, so '{method.ContainingType.Name}' needs a public constructor (or make the view static)"));
            }
            if (ClassifyReturn(method.ReturnType) is ReturnKind.Unsupported or ReturnKind.Task)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.UnsupportedReturnType, ErrorTarget.Method, 0, 0, null, method.Name,
                    method.ReturnType.ToDisplayString()));
            }
        }

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

        public const string ErrorHandlerAttributeName = "Flagon.ErrorHandlerAttribute";
        public const string BeforeRequestAttributeName = "Flagon.BeforeRequestAttribute";
        public const string AfterRequestAttributeName = "Flagon.AfterRequestAttribute";
        public const string TeardownRequestAttributeName = "Flagon.TeardownRequestAttribute";

        /// <summary>
        /// How each parameter of an error handler or request hook is filled: the exception (a parameter of an exception
        /// type that can hold every exception the handler takes: <paramref name="handled"/>), the response (after-request
        /// hooks), the request, or services; null (with errors) when a parameter cannot be filled.
        /// </summary>
        /// <param name="method">The handler or hook.</param>
        /// <param name="errors">Where the errors go.</param>
        /// <param name="handled">
        /// The exception types the handler takes (<c>HttpError</c> for a status handler); null for a hook, whose exception
        /// (teardown) is any <c>Exception</c>.
        /// </param>
        /// <param name="receivesResponse">Whether the method receives the response (after-request hooks).</param>
        /// <param name="receivesError">Whether the method receives an exception (error handlers and teardown hooks).</param>
        public static List<ArgumentSpec>? BindErrorHandler(IMethodSymbol method, List<BindingError> errors, IReadOnlyList<ITypeSymbol>? handled = null,
            bool receivesResponse = false, bool receivesError = true)
        {
            var result = new List<ArgumentSpec>();
            foreach (var parameter in method.Parameters)
            {
                string typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                string plain = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                if (plain == "global::Flagon.Response" && receivesResponse)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Response, 0, string.Empty, typeName));
                }
                else if (plain == "global::Flagon.Response")
                {
                    // Only an after-request hook receives the response; anywhere else nothing could fill it.
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else if (IsOrDerives(parameter.Type, "System.Exception") && !receivesError)
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else if (IsOrDerives(parameter.Type, "System.Exception"))
                {
                    // The handled exception, cast to the parameter's type: every type the handler takes must fit it.
                    string expected = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
                    var misfit = handled?.FirstOrDefault(t => !IsOrDerives(t, expected));
                    if (misfit is not null || (handled is null && expected != "System.Exception"))
                    {
                        errors.Add(new BindingError(DiagnosticDescriptors.ErrorParameterDoesNotFit, ErrorTarget.Parameter, parameter.Ordinal, 0, null,
                            parameter.Name, parameter.Type.ToDisplayString(), method.Name, misfit is not null ? $"'{misfit.ToDisplayString()}'" : "any Exception"));
                        return null;
                    }
                    // With its nullability: the generated cast of a teardown's Exception? must keep it.
                    string castType = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
                        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Error, 0, string.Empty, castType));
                }
                else if (SpecialSource(parameter.Type) is { } special)
                {
                    result.Add(new ArgumentSpec(parameter.Name, special, 0, string.Empty, typeName));
                }
                else if (parameter.HasExplicitDefaultValue)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Omitted, 0, string.Empty, typeName));
                }
                else if (ClassifyValue(parameter.Type).Kind is not null || !CanBeService(parameter.Type))
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Service, 0, string.Empty, typeName));
                }
            }
            return result;
        }

        /// <summary>The exception types an [ErrorHandler] method takes: its types, and <c>HttpError</c> for its status codes.</summary>
        public static List<ITypeSymbol> HandledExceptionTypes(IEnumerable<AttributeData> attributes, Compilation compilation)
        {
            var types = new List<ITypeSymbol>();
            foreach (var attribute in attributes)
            {
                if (attribute.ConstructorArguments.Length != 1)
                {
                    continue;
                }
                if (attribute.ConstructorArguments[0].Value is ITypeSymbol type)
                {
                    types.Add(type);
                }
                else if (attribute.ConstructorArguments[0].Value is int && compilation.GetTypeByMetadataName("Flagon.HttpError") is { } httpError)
                {
                    types.Add(httpError);
                }
            }
            return types;
        }

        /// <summary>The constructor generated code calls for an instance view: the public one with the most parameters.</summary>
        public static IMethodSymbol? PickConstructor(INamedTypeSymbol type) =>
            type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();

        /// <summary>The endpoint a [Route] of <paramref name="method"/> names: its <c>Endpoint</c>, else the method's name in snake_case (Flask's rule).</summary>
        public static string EndpointName(IMethodSymbol method, AttributeData attribute) =>
            attribute.NamedArguments.FirstOrDefault(a => a.Key == "Endpoint").Value.Value as string ?? ToSnakeCase(method.Name);

        /// <summary>Binds one [Route] of <paramref name="method"/>; null (with errors) when it cannot be compiled.</summary>
        /// <remarks>
        /// <paramref name="converters"/> are the program's own converters by name: with them, a use of one is checked
        /// and resolved here (the analyzers); without (null), any unknown name is taken as one and left for the app's
        /// model to resolve (the generator, whose views are read before the converters are).
        /// </remarks>
        public static RuleSpec? BindRule(IMethodSymbol method, AttributeData attribute, List<BindingError> errors,
            IReadOnlyDictionary<string, CustomConverterSpec>? converters = null)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string pattern)
            {
                return null;
            }
            int errorCount = errors.Count;
            var parsed = Parse(pattern, converters);
            if (parsed.Error is { } ruleError)
            {
                errors.Add(FromRuleError(ruleError, pattern, converters));
                return null;
            }

            string endpointName = EndpointName(method, attribute);
            string? defaultsText = null;
            bool strictSlashes = true;
            int? trailingSlash = null;
            var methodList = new List<string>();
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Methods" when !named.Value.IsNull:
                        methodList.AddRange(named.Value.Values.Select(v => v.Value as string).Where(v => v is not null)!);
                        break;
                    case "Defaults" when named.Value.Value is string d:
                        defaultsText = d;
                        break;
                    case "StrictSlashes" when named.Value.Value is bool b:
                        strictSlashes = b;
                        break;
                    case "TrailingSlash" when named.Value.Value is int t:
                        trailingSlash = t;
                        break;
                }
            }
            return BindRule(method, pattern, parsed, endpointName, methodList, defaultsText, strictSlashes, trailingSlash, errors, errorCount, converters);
        }

        /// <summary>Binds a rule given by its parts (a [Route] attribute, or a literal AddUrlRule call).</summary>
        public static RuleSpec? BindRule(IMethodSymbol method, string pattern, string? endpointName, IEnumerable<string>? methodList, string? defaultsText,
            bool strictSlashes, int? trailingSlash, List<BindingError> errors, IReadOnlyDictionary<string, CustomConverterSpec>? converters = null)
        {
            int errorCount = errors.Count;
            var parsed = Parse(pattern, converters);
            if (parsed.Error is { } ruleError)
            {
                errors.Add(FromRuleError(ruleError, pattern, converters));
                return null;
            }
            return BindRule(method, pattern, parsed, endpointName, methodList, defaultsText, strictSlashes, trailingSlash, errors, errorCount, converters);
        }

        private static ParsedRule Parse(string pattern, IReadOnlyDictionary<string, CustomConverterSpec>? converters) =>
            RuleParser.Parse(pattern, converters is null ? static _ => true : converters.ContainsKey);

        private static RuleSpec? BindRule(IMethodSymbol method, string pattern, ParsedRule parsed, string? endpointName, IEnumerable<string>? methodList,
            string? defaultsText, bool strictSlashes, int? trailingSlash, List<BindingError> errors, int errorCount, IReadOnlyDictionary<string, CustomConverterSpec>? converters)
        {
            string endpoint = endpointName ?? ToSnakeCase(method.Name);
            var methods = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var m in methodList ?? Enumerable.Empty<string>())
            {
                if (m.Trim().Length > 0)
                {
                    methods.Add(m.Trim().ToUpperInvariant());
                }
            }
            bool automaticOptions = !methods.Contains("OPTIONS");
            bool explicitHead = methods.Contains("HEAD");
            if (methods.Count == 0)
            {
                methods.Add("GET");
            }
            if (methods.Contains("GET"))
            {
                methods.Add("HEAD");
            }
            methods.Add("OPTIONS");
            var policy = trailingSlash is int policyValue ? (TrailingSlashPolicy)policyValue
                : strictSlashes ? TrailingSlashPolicy.Redirect : TrailingSlashPolicy.Accept;

            var variables = new List<VariableSpec>();
            var variableParts = parsed.Parts.Where(p => p.IsVariable).ToList();
            if (variableParts.Count > RouteValueCapacity)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.UnsupportedRuleShape, ErrorTarget.RuleSpan, 0, pattern.Length, null, pattern,
                    $"a rule may have at most {RouteValueCapacity} variables"));
                return null;
            }
            foreach (var part in variableParts)
            {
                var variable = BindVariable(method, part, pattern, errors, converters);
                if (variable is not null)
                {
                    variables.Add(variable);
                }
            }

            var parts = RuleParts.Split(parsed);
            var defaults = BindDefaults(method, defaultsText, variableParts, errors);
            if (errors.Count > errorCount || defaults is null)
            {
                return null;
            }
            var arguments = BindArguments(method, variables, defaults, errors);
            if (arguments is null)
            {
                return null;
            }

            return new RuleSpec(pattern, endpoint, methods.ToEquatableArray(), automaticOptions, policy,
                parts.ToEquatableArray(), variables.ToEquatableArray(), defaults.ToEquatableArray(), arguments.ToEquatableArray(), explicitHead);
        }

        /// <summary>Mirrors Flagon.Routing.RouteValueRanges.Capacity.</summary>
        public const int RouteValueCapacity = 16;

        private static BindingError FromRuleError(RuleError error, string pattern, IReadOnlyDictionary<string, CustomConverterSpec>? converters) => error.Kind switch
        {
            RuleErrorKind.MissingLeadingSlash => new BindingError(DiagnosticDescriptors.RuleMissingLeadingSlash, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern),
            RuleErrorKind.UnknownConverter => new BindingError(DiagnosticDescriptors.UnknownConverter, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern, error.Detail,
                CustomConverters.KnownList(converters?.Keys ?? Enumerable.Empty<string>())),
            RuleErrorKind.DuplicateVariable => new BindingError(DiagnosticDescriptors.DuplicateVariable, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern, error.Detail),
            _ => new BindingError(DiagnosticDescriptors.RuleSyntax, ErrorTarget.RuleSpan, error.Start, error.Length, null, pattern, error.Detail),
        };

        private static VariableSpec? BindVariable(IMethodSymbol method, RulePart part, string pattern, List<BindingError> errors,
            IReadOnlyDictionary<string, CustomConverterSpec>? converters)
        {
            var parameter = method.Parameters.FirstOrDefault(p => p.Name == part.Text);
            if (parameter is null)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.VariableWithoutParameter, ErrorTarget.RuleSpan, part.Start, part.Length, null, part.Text, method.Name));
                return null;
            }
            if (part.Converter.Length > 0 && !CustomConverters.IsBuiltIn(part.Converter))
            {
                return BindCustomVariable(part, parameter, pattern, errors, converters);
            }
            var (kind, type, nullable) = ClassifyValue(parameter.Type);
            if (kind is null)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ConverterTypeMismatch, ErrorTarget.Parameter, parameter.Ordinal, 0, null, part.Text,
                    part.Converter.Length == 0 ? "string" : part.Converter, parameter.Type.ToDisplayString()));
                return null;
            }
            var enumMembers = type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
                ? enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToList()
                : new List<string>();

            string converterName = part.Converter.Length > 0 ? part.Converter : ConverterBinder.Infer(kind.Value);
            bool fits = ConverterBinder.Fits(converterName, kind.Value);
            if (!fits)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.ConverterTypeMismatch, ErrorTarget.RuleSpan, part.Start, part.Length, null, part.Text,
                    converterName, parameter.Type.ToDisplayString()));
                return null;
            }

            var converter = BindConverter(converterName, part, kind.Value, enumMembers, pattern, errors, out var orderedMembers);
            if (converter is null)
            {
                return null;
            }
            return new VariableSpec(part.Text, converter, kind.Value, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), nullable,
                orderedMembers.ToEquatableArray());
        }

        // A variable of a converter of the program's own: its value type must be the parameter's (FLG0103) and the
        // rule's arguments must fit a constructor (FLG0005); unchecked, and left unresolved, without the converters.
        private static VariableSpec? BindCustomVariable(RulePart part, IParameterSymbol parameter, string pattern, List<BindingError> errors,
            IReadOnlyDictionary<string, CustomConverterSpec>? converters)
        {
            var type = parameter.Type;
            bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            {
                type = wrapped.TypeArguments[0];
                nullable = true;
            }
            string typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var use = new CustomConverterUse(part.Converter);
            if (converters is not null && converters.TryGetValue(part.Converter, out var spec))
            {
                if (spec.ValueTypeName != typeName)
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ConverterTypeMismatch, ErrorTarget.RuleSpan, part.Start, part.Length, null, part.Text,
                        part.Converter, parameter.Type.ToDisplayString()));
                    return null;
                }
                use = CustomConverters.Resolve(spec, part.Arguments, out var why)!;
                if (use is null)
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.BadConverterArguments, ErrorTarget.RuleSpan, part.Start, part.Length, null, pattern, part.Converter, why!));
                    return null;
                }
            }
            var converter = new ConverterSpec(ConverterKind.Custom, part.Arguments.Trim(), 1, int.MaxValue, 0, false, string.Empty, string.Empty,
                EquatableArray<string>.Empty, Custom: use);
            return new VariableSpec(part.Text, converter, ValueKind.Custom, typeName, nullable, EquatableArray<string>.Empty);
        }

        /// <summary>The value kind of a parameter type that a rule value can bind to (null if none), unwrapping Nullable.</summary>
        public static (ValueKind? Kind, ITypeSymbol Type, bool Nullable) ClassifyValue(ITypeSymbol type)
        {
            bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            {
                type = wrapped.TypeArguments[0];
                nullable = true;
            }
            ValueKind? kind = type.SpecialType switch
            {
                SpecialType.System_String => ValueKind.String,
                SpecialType.System_Int32 => ValueKind.Int32,
                SpecialType.System_Int64 => ValueKind.Int64,
                SpecialType.System_Double => ValueKind.Double,
                SpecialType.System_Single => ValueKind.Single,
                _ => null,
            };
            if (kind is null && type.TypeKind == TypeKind.Enum)
            {
                kind = ValueKind.Enum;
            }
            if (kind is null && type is INamedTypeSymbol { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                kind = ValueKind.Guid;
            }
            return (kind, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), nullable);
        }

        private static ConverterSpec? BindConverter(string name, RulePart part, ValueKind kind, List<string> enumMembers, string pattern, List<BindingError> errors, out List<string> orderedMembers)
        {
            var converter = ConverterBinder.Bind(name, part.Arguments, kind, enumMembers, out var why, out orderedMembers);
            if (converter is null)
            {
                errors.Add(new BindingError(DiagnosticDescriptors.BadConverterArguments, ErrorTarget.RuleSpan, part.Start, part.Length, null, pattern, name, why!));
            }
            return converter;
        }

        private static List<DefaultSpec>? BindDefaults(IMethodSymbol method, string? text, List<RulePart> variableParts, List<BindingError> errors)
        {
            var result = new List<DefaultSpec>();
            if (string.IsNullOrWhiteSpace(text))
            {
                return result;
            }
            foreach (var item in text!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = item.IndexOf('=');
                string name = eq < 0 ? item.Trim() : item.Substring(0, eq).Trim();
                string value = eq < 0 ? string.Empty : item.Substring(eq + 1).Trim();
                BindingError Bad(string why) => new BindingError(DiagnosticDescriptors.BadDefaults, ErrorTarget.Attribute, 0, 0, "Defaults", text, why);
                if (eq < 0 || name.Length == 0)
                {
                    errors.Add(Bad($"'{item.Trim()}' is not name=value"));
                    return null;
                }
                if (variableParts.Any(v => v.Text == name))
                {
                    errors.Add(Bad($"'{name}' is a variable of the rule; a default gives a value the URL does not"));
                    return null;
                }
                var parameter = method.Parameters.FirstOrDefault(p => p.Name == name);
                if (parameter is null)
                {
                    errors.Add(Bad($"the view has no parameter '{name}'"));
                    return null;
                }
                var (kind, type, _) = ClassifyValue(parameter.Type);
                string? literal = kind switch
                {
                    ValueKind.String => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true),
                    ValueKind.Int32 => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null,
                    ValueKind.Int64 => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : null,
                    ValueKind.Double => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : null,
                    ValueKind.Single => float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f.ToString("R", CultureInfo.InvariantCulture) + "f" : null,
                    ValueKind.Guid => Guid.TryParse(value, out var g) ? $"new global::System.Guid(\"{g:D}\")" : null,
                    ValueKind.Enum => ((INamedTypeSymbol)type).GetMembers().OfType<IFieldSymbol>().FirstOrDefault(m => m.IsConst && string.Equals(m.Name, value, StringComparison.OrdinalIgnoreCase)) is { } member
                        ? $"{type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}.{member.Name}" : null,
                    _ => null,
                };
                if (literal is null)
                {
                    errors.Add(Bad($"'{value}' is not a valid {parameter.Type.ToDisplayString()} for '{name}'"));
                    return null;
                }
                result.Add(new DefaultSpec(name, value, literal, kind!.Value));
            }
            return result;
        }

        private static List<ArgumentSpec>? BindArguments(IMethodSymbol method, List<VariableSpec> variables, List<DefaultSpec> defaults, List<BindingError> errors)
        {
            var result = new List<ArgumentSpec>();
            foreach (var parameter in method.Parameters)
            {
                string typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                int variable = variables.FindIndex(v => v.Name == parameter.Name);
                if (variable >= 0)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Variable, variable, string.Empty, typeName));
                    continue;
                }
                var @default = defaults.FirstOrDefault(d => d.Name == parameter.Name);
                if (@default is not null)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Default, 0, @default.Literal, typeName));
                    continue;
                }
                var special = SpecialSource(parameter.Type);
                if (special is not null)
                {
                    result.Add(new ArgumentSpec(parameter.Name, special.Value, 0, string.Empty, typeName));
                    continue;
                }
                var (kind, _, nullable) = ClassifyValue(parameter.Type);
                if (parameter.HasExplicitDefaultValue)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Omitted, 0, DefaultLiteral(parameter), typeName));
                }
                else if (kind is not null && nullable)
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Default, 0, "null", typeName));
                }
                else if (kind is not null || !CanBeService(parameter.Type))
                {
                    errors.Add(new BindingError(DiagnosticDescriptors.ParameterNotFilled, ErrorTarget.Parameter, parameter.Ordinal, 0, null, parameter.Name, method.Name));
                    return null;
                }
                else
                {
                    result.Add(new ArgumentSpec(parameter.Name, ArgumentSource.Service, 0, string.Empty, typeName));
                }
            }
            return result;
        }

        /// <summary>
        /// Whether a view parameter of this type may come from the app's services: not an exception (only error handlers
        /// receive one), not Flagon's response (only after-request hooks do), not a delegate or a task.
        /// </summary>
        private static bool CanBeService(ITypeSymbol type) =>
            !IsOrDerives(type, "System.Exception") && !IsOrDerives(type, "Flagon.Response")
            && type.TypeKind is not (TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer)
            && !(type is INamedTypeSymbol { Name: "Task" or "ValueTask" } task && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks");

        /// <summary>A parameter's default value as C#, for calls that must pass every argument (through a delegate).</summary>
        private static string DefaultLiteral(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return "default";
            }
            if (parameter.Type.TypeKind == TypeKind.Enum)
            {
                return $"({parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)}";
            }
            string primitive = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false) ?? "default";
            return primitive switch
            {
                var text when value is float => text + "f",
                var text when value is double && !text.Contains('.') && !text.Contains('E') => text + ".0",
                var text when value is long => text + "L",
                var text when value is decimal => text + "m",
                var text => text,
            };
        }

        private static ArgumentSource? SpecialSource(ITypeSymbol type)
        {
            string name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return name switch
            {
                "global::Microsoft.AspNetCore.Http.HttpContext" => ArgumentSource.HttpContext,
                "global::Microsoft.AspNetCore.Http.HttpRequest" => ArgumentSource.HttpRequest,
                "global::Microsoft.AspNetCore.Http.HttpResponse" => ArgumentSource.HttpResponse,
                "global::System.Threading.CancellationToken" => ArgumentSource.CancellationToken,
                _ => null,
            };
        }

        /// <summary>Flask names an endpoint after its function: <c>DefaultPage</c> becomes <c>default_page</c>.</summary>
        public static string ToSnakeCase(string name) => EndpointNames.FromMethod(name);
    }
}
