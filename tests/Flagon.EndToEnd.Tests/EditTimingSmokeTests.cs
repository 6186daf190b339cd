namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The analyzers' and generator's timings are taken by hand (benchmarks/analyzer-timing.sh, 1,000 views); these check
/// on every run that the project generator and both timing tools still work together, on 40 views.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public class EditTimingSmokeTests
{
    private static readonly string Scripts = Path.Combine(Repository.Root, "benchmarks", "analyzer-timing");

    // A project of 40 views written by generate.py into a temporary folder, given to the test, then removed.
    private static async Task WithGeneratedProject(string name, Func<string, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory(name);
        try
        {
            await DotnetCommand.RunProgramAsync("python3", Repository.Root, TimeSpan.FromMinutes(1),
                Path.Combine(Scripts, "generate.py"), folder.FullName, "--per-class", "2");
            await test(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public Task The_edit_timing_tool_times_every_kind_of_edit_of_a_generated_project() =>
        WithGeneratedProject("flagon-edit-timing-", async project =>
        {
            var tool = Path.Combine(Repository.Root, "benchmarks", "Flagon.EditTiming", "bin", Repository.Configuration, "net10.0", "Flagon.EditTiming.dll");

            var output = await DotnetCommand.RunAsync(Repository.Root, TimeSpan.FromMinutes(2), tool, project);

            Assert.Contains("views: 40,", output);
            foreach (var line in new[] { "full run, warm median:", "full run, files kept, median:", "view body edit", "app rule edit", "blueprint rule edit" })
            {
                Assert.Matches($@"{line}.*RouteGenerator +\d+ ms", output);
            }
        });

    [Fact]
    public Task The_edit_builds_report_each_component_from_the_compilers_own_timing() =>
        WithGeneratedProject("flagon-edit-builds-", async project =>
        {
            var output = await DotnetCommand.RunProgramAsync("python3", Repository.Root, TimeSpan.FromMinutes(6),
                Path.Combine(Scripts, "edit_builds.py"), project, "--rounds", "1", "--smoke");

            Assert.Contains("3 builds after an edit (1 of each kind)", output);
            foreach (var component in new[] { "RouteGenerator", "RouteMapAnalyzer", "RuleAnalyzer", "ContextAnalyzer", "UrlForAnalyzer" })
            {
                Assert.Matches($@"(?m)^{component} +\d+ +\d+ +\d+ +\d+ +\d+$", output);
            }
        });
}
