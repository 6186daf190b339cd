namespace Flagon.EndToEnd.Tests;

/// <summary>A user's console project outside the repository, as the tests that build one write it.</summary>
internal static class ConsoleProject
{
    /// <summary>
    /// Writes <c>name.csproj</c> (net10.0, nullable, warnings as errors, plus <paramref name="flagon"/>: how it gets
    /// Flagon, a package reference or an import) and <c>Program.cs</c> into <paramref name="folder"/>.
    /// </summary>
    public static void Write(string folder, string name, string flagon, string program)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              {flagon}
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
    }
}
