using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Flagon.Analyzers.Tests.AnalyzerTest<Flagon.Analyzers.BlueprintRegistrationAnalyzer>;

namespace Flagon.Analyzers.Tests;

/// <summary>FLG0113: a blueprint no RegisterBlueprint call registers.</summary>
public class BlueprintRegistrationAnalyzerTests
{
    [Fact]
    public Task A_registered_blueprint_reports_nothing_and_a_forgotten_one_is_named() => Verify.VerifyAsync("""
        using Flagon;
        [Blueprint("admin")] partial class Admin { }
        [Blueprint("blog")] partial class {|#0:Blog|} { }
        class Registry
        {
            public void RegisterBlueprint<T>(string? urlPrefix = null) { }
        }
        static class Setup
        {
            static void Run(Registry app) => app.RegisterBlueprint<Admin>("/admin");
        }
        """,
        new DiagnosticResult("FLG0113", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Blog"));
}
