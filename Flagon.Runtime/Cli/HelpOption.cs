namespace Flagon.Cli;

/// <summary>
/// The spellings of System.CommandLine's help option that, given first (<c>dotnet run -- --help</c>), show the app's
/// commands instead of serving: any other option first is a setting (<c>--urls …</c>).
/// </summary>
internal static class HelpOption
{
    public const string Long = "--help";
    public const string Short = "-h";
    public const string Question = "-?";
}
