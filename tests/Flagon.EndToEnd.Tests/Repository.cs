namespace Flagon.EndToEnd.Tests;

/// <summary>Paths inside this repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (the sample is built with the same one).</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string SampleDll(string name) =>
        Path.Combine(Root, "samples", name, "bin", Configuration, "net10.0", name + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flagon.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Flagon.slnx not found above " + AppContext.BaseDirectory);
    }
}
