namespace Flagon.Tests.Shared;

/// <summary>
/// Folders for tests that need real files (templates, static files, key rings, instance folders, a browser's profile):
/// made under one folder of the test process, which is deleted when the process exits, so that a run leaves nothing
/// in the system's temporary folder.
/// </summary>
internal static class TemporaryFolders
{
    private static readonly Lazy<string> Root = new(() =>
    {
        string root = Directory.CreateTempSubdirectory($"flagon-tests-{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        return root;
    });

    /// <summary>Makes a new empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static DirectoryInfo Create(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, prefix + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)));

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open by a process that outlived the tests: the system's cleanup takes it.
        }
    }
}
