using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The README's test command is the whole set-up on a fresh Debian machine: the system packages the tests use are the
/// ones the README lists (and installs on first use), and CI runs exactly that command.
/// </summary>
public partial class FreshMachineTests
{
    private static string Readme => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void The_README_lists_every_package_the_tests_install_and_no_other()
    {
        var listed = PackageRow().Matches(Readme).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(SystemPackages.All.Select(p => p.Name), listed);
        Assert.Contains($"apt-get install {string.Join(' ', SystemPackages.All.Select(p => p.Name))}", Readme);
    }

    [Fact]
    public void CI_runs_the_READMEs_test_command_and_installs_nothing_itself()
    {
        var ci = File.ReadAllText(Path.Combine(Repository.Root, ".ci", "run"));
        var readmeCommand = Regex.Match(Readme, "Run the tests:\\s*```sh\\n(.+)\\n```").Groups[1].Value;

        Assert.Equal("dotnet test Flagon.slnx", readmeCommand);
        Assert.Contains($"{readmeCommand} 2>&1 | tee", ci);
        Assert.DoesNotContain("apt-get install", ci.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
    }

    [Fact]
    public void Every_package_the_tests_need_is_installed_by_the_time_a_test_asks_for_it()
    {
        // On a machine where this runs as root with apt-get, a missing package is installed here; elsewhere the
        // failure names the command. Either way, after RequireAsync the probe finds the package.
        foreach (var package in SystemPackages.All)
        {
            SystemPackages.Require(package.Name);
            Assert.True(package.IsInstalled(), package.Name);
        }
    }

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \| ", RegexOptions.Multiline)]
    private static partial Regex PackageRow();
}
