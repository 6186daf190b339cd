namespace Flagon.Generators
{
    /// <summary>Names of the generator's incremental steps, for the tests that prove they stay cached.</summary>
    internal static class TrackingNames
    {
        public const string Views = "Flagon.Views";
        public const string Blueprints = "Flagon.Blueprints";
        public const string ErrorHandlers = "Flagon.ErrorHandlers";
        public const string UrlRuleCalls = "Flagon.UrlRuleCalls";
        public const string Hooks = "Flagon.Hooks";
        public const string Converters = "Flagon.Converters";
        public const string ReferencedConverters = "Flagon.ReferencedConverters";
        public const string AppModel = "Flagon.AppModel";
        public const string AppTable = "Flagon.AppTable";
        public const string AppParts = "Flagon.AppParts";
        public const string UrlRuleTables = "Flagon.UrlRuleTables";
        public const string BlueprintTables = "Flagon.BlueprintTables";
    }
}
