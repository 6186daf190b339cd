namespace Flagon.EndToEnd.Tests;

/// <summary>
/// The tests that build the repository's own projects again (packing Flagon.Runtime, building generated projects that
/// reference Flagon's projects in Release) run one after the other: two builds of the same project at once write the
/// same output files and fail with "the process cannot access the file".
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepositoryBuilds
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Builds of the repository's projects";
}
