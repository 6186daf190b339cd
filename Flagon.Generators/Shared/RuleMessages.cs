namespace Flagon.Generators.Shared
{
    /// <summary>
    /// The ids and message formats of the diagnostics a rule can get, without the compiler's types: the generator and
    /// analyzers report them as diagnostics (DiagnosticDescriptors), and a rule added at run time
    /// (AddUrlRule with a computed rule) throws them, with the same id and text, when it is added.
    /// </summary>
    internal static class RuleMessages
    {
        public const string MissingLeadingSlashId = "FLG0001";
        public const string MissingLeadingSlash = "The rule '{0}' must start with '/'";

        public const string SyntaxId = "FLG0002";
        public const string Syntax = "The rule '{0}' is not valid: {1}";

        public const string UnknownConverterId = "FLG0003";
        public const string UnknownConverter = "The rule '{0}' uses the unknown converter '{1}'; known converters are {2}";

        public const string DuplicateVariableId = "FLG0004";
        public const string DuplicateVariable = "The rule '{0}' names the variable '{1}' more than once";

        public const string BadConverterArgumentsId = "FLG0005";
        public const string BadConverterArguments = "The rule '{0}' gives the converter '{1}' invalid arguments: {2}";

        public const string UnsupportedShapeId = "FLG0006";
        public const string UnsupportedShape = "The rule '{0}' cannot be compiled: {1}";

        public const string BadDefaultsId = "FLG0007";
        public const string BadDefaults = "The defaults '{0}' are not valid: {1}";

        public const string VariableWithoutParameterId = "FLG0101";
        public const string VariableWithoutParameter = "The rule variable '{0}' has no parameter of that name in the view '{1}'";

        public const string ConverterTypeMismatchId = "FLG0103";
        public const string ConverterTypeMismatch = "The rule variable '{0}' uses the converter '{1}', which cannot bind to the parameter type '{2}'";

        /// <summary>The message of a rule error as text: <c>FLG0005: The rule '…' gives …</c>.</summary>
        public static string Format(string id, string format, params object[] args) =>
            id + ": " + string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);

        /// <summary>The id and message of a parse error.</summary>
        public static string Of(RuleError error, string rule, System.Collections.Generic.IEnumerable<string> customConverters) => error.Kind switch
        {
            RuleErrorKind.MissingLeadingSlash => Format(MissingLeadingSlashId, MissingLeadingSlash, rule),
            RuleErrorKind.UnknownConverter => Format(UnknownConverterId, UnknownConverter, rule, error.Detail, CustomConverters.KnownList(customConverters)),
            RuleErrorKind.DuplicateVariable => Format(DuplicateVariableId, DuplicateVariable, rule, error.Detail),
            _ => Format(SyntaxId, Syntax, rule, error.Detail),
        };
    }
}
