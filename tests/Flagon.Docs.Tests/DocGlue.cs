namespace Flagon.Docs.Tests;

/// <summary>
/// The code a block is compiled in. A block with no glue comment is a whole file (<c>file</c>); the others are
/// fragments placed where a reader would write them, in a file that starts with <c>using Flagon;</c> and
/// <c>using static Flagon.Globals;</c>:
/// <list type="bullet">
/// <item><c>file</c>: the block is Program.cs (top-level statements and types);</item>
/// <item><c>program</c>: statements after <c>var app = new App(args);</c> in Program.cs;</item>
/// <item><c>types</c>: type declarations (a blueprint, an extension) with Flagon's usings;</item>
/// <item><c>members</c>: members of a class <c>Views</c> (views, hooks, handlers, template functions);</item>
/// <item><c>view</c>: the body of an async view that returns a <c>Response</c>;</item>
/// <item><c>extension</c>: members of an extension class (<c>DocExtension : IExtension</c>);</item>
/// <item><c>test</c>: the body of an async xunit test;</item>
/// <item><c>template</c> (Liquid blocks): the block is <c>templates/example.html</c>.</item>
/// </list>
/// The glue comment's C# lines go at the end of the file (types, and <c>partial class Views { … }</c> for endpoints
/// the block names), its <c>using</c> lines at the top. Every project has the SDK's implicit usings.
/// </summary>
public static class DocGlue
{
    /// <summary>The SDK's implicit usings for a console project (<c>dotnet new console</c>), as a separate file.</summary>
    public const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>The glue names a block may declare.</summary>
    public static readonly IReadOnlyList<string> Names = ["file", "program", "types", "members", "view", "extension", "test", "template"];

    /// <summary>The C# source the block is compiled in, and the 0-based line of it where a C# block's first line is.</summary>
    public static (string Source, int BlockLine) Compose(DocBlock block)
    {
        var glueLines = block.GlueCode.Length == 0 ? [] : block.GlueCode.Split('\n');
        var usings = glueLines.Where(IsUsing).ToList();
        string after = string.Join('\n', glueLines.Where(l => !IsUsing(l)));
        var (before, end) = block.Glue switch
        {
            "file" => ("", ""),
            "program" => (Flagon + "var app = new App(args);\n", ""),
            "types" => (Flagon, ""),
            "members" => (Flagon + "public partial class Views\n{\n", "}\n"),
            "view" => (Flagon + "public partial class Views\n{\n[Route(\"/example\")]\npublic static async Task<Response> Example()\n{\n", "return new Response(\"example\");\n}\n}\n"),
            "extension" => (Flagon + "public sealed partial class DocExtension : IExtension\n{\n", "}\n"),
            "test" => ("using Xunit;\n" + Flagon + "public partial class DocTest\n{\n[Fact]\npublic async Task Example()\n{\n", "}\n}\n"),
            "template" => (Flagon, ""),
            _ => throw new FormatException($"{block}: unknown glue '{block.Glue}' (known: {string.Join(", ", Names)})."),
        };
        string head = string.Concat(usings.Select(u => u + "\n")) + before;
        if (block.Language == "liquid")
        {
            return (head + after + "\n", -1);
        }
        int blockLine = head.Count(c => c == '\n');
        return (head + block.Code + "\n" + end + after + "\n", blockLine);
    }

    private const string Flagon = "using Flagon;\nusing static Flagon.Globals;\n";

    private static bool IsUsing(string line) => line.StartsWith("using ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';') && !line.Contains('(');
}
