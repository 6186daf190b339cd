#!/usr/bin/env python3
"""Writes a Flagon project with 1,000 views (600 app views in 12 classes, 400 in 8 blueprints, 50 each) into the folder
given, for timing Flagon's analyzers and generator while building (analyzer-timing.sh)."""
import os
import sys

out = sys.argv[1]
# --per-class N: N views in each of the 20 classes instead of 50 (a small project, for the smoke test).
per_class = int(sys.argv[sys.argv.index("--per-class") + 1]) if "--per-class" in sys.argv else 50
# --probe FILE: also build FILE (a generator that only binds the views) into an analyzer the project runs first.
probe = sys.argv[sys.argv.index("--probe") + 1] if "--probe" in sys.argv else None
repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "Timing.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <InterceptorsNamespaces>$(InterceptorsNamespaces);Flagon.Generated</InterceptorsNamespaces>
  </PropertyGroup>
  <ItemGroup>
    {'<ProjectReference Include="Probe/Probe.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" /><Compile Remove="Probe/**" />' if probe else ''}
    <ProjectReference Include="{repo}/Flagon.Runtime/Flagon.Runtime.csproj" />
    <ProjectReference Include="{repo}/Flagon.Generators/Flagon.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{repo}/Flagon.Analyzers/Flagon.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
""")
if probe:
    os.makedirs(os.path.join(out, "Probe"), exist_ok=True)
    with open(os.path.join(out, "Probe", "Probe.csproj"), "w") as f:
        f.write("""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <Nullable>enable</Nullable>
    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
    <NoWarn>$(NoWarn);RS2008</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="5.0.0" PrivateAssets="all" />
  </ItemGroup>
</Project>
""")
    with open(probe) as src, open(os.path.join(out, "Probe", "BindingProbe.cs"), "w") as f:
        f.write(src.read())
shapes = [
    ('"/{p}/{i}"', "()", '"{p} {i}"'),
    ('"/{p}/{i}/<int:id>"', "(int id)", '$"{p} {i} {{id}}"'),
    ('"/{p}/{i}/<name>/edit"', "(string name)", '$"{p} {i} {{name}}"'),
    ('"/{p}/{i}/<uuid:key>"', "(Guid key)", '$"{p} {i} {{key}}"'),
    ('"/{p}/{i}/<path:rest>"', "(string rest)", '$"{p} {i} {{rest}}"'),
]
with open(os.path.join(out, "Program.cs"), "w") as f:
    f.write("using Flagon;\nvar app = new App(args);\n")
    for b in range(8):
        f.write(f"app.RegisterBlueprint<Timing.Blueprint{b}>();\n")
    f.write("app.Run();\n")
for c in range(20):
    blueprint = c >= 12
    name = f"Blueprint{c - 12}" if blueprint else f"Views{c}"
    count = per_class
    with open(os.path.join(out, f"{name}.cs"), "w") as f:
        f.write("using Flagon;\nusing static Flagon.Globals;\n\nnamespace Timing;\n\n")
        if blueprint:
            f.write(f'[Blueprint("bp{c}", UrlPrefix = "/bp{c}")]\npublic partial class {name}\n{{\n')
        else:
            f.write(f"public static class {name}\n{{\n")
        for i in range(count):
            rule, params, body = shapes[i % len(shapes)]
            p = f"c{c}"
            f.write(f"    [Route({rule.format(p=p, i=i)})]\n")
            f.write(f"    public static string View{c}_{i}{params} => {body.format(p=p, i=i)} + Request.Path;\n\n")
        f.write("    [NeedsRequestContext]\n    public static string Helper() => Request.Path + CurrentApp.Name;\n}\n")
print(f"wrote {20 * per_class} views to {out}")
