namespace Flagon.Generators.Tests;

/// <summary>
/// Compares generated code with checked-in files under Baselines/. To regenerate them after an intended
/// change, run the tests with FLAGON_REGENERATE_BASELINES=1: every baseline is rewritten, and
/// <see cref="BaselineSwitchTests"/> fails, so a run with the switch left on never passes.
/// </summary>
internal static class Baseline
{
    public const string RegenerateVariable = "FLAGON_REGENERATE_BASELINES";

    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(GeneratorHarness.SourceDirectory(), "Baselines", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No baseline at {path}; run the tests with {RegenerateVariable}=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            Assert.True(expectedLines[i] == actualLines[i], $"{name} differs at line {i + 1}:\nexpected: {expectedLines[i]}\nactual:   {actualLines[i]}");
        }
        Assert.Equal(expectedLines.Length, actualLines.Length);
    }
}

/// <summary>Fails while baselines are being regenerated, so the switch cannot be left on in CI.</summary>
public class BaselineSwitchTests
{
    [Fact]
    public void Baselines_are_compared_not_regenerated() =>
        Assert.True(Environment.GetEnvironmentVariable(Baseline.RegenerateVariable) != "1",
            $"{Baseline.RegenerateVariable}=1 rewrote the baselines; review the diff, unset it and run again.");
}
