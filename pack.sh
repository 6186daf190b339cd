#!/usr/bin/env bash
# Packs Flagon into a local NuGet feed (a folder), for projects outside this repository, until the packages are on a
# public feed:
#
#   ./pack.sh [FEED]          # FEED defaults to artifacts/feed in this clone
#
# It packs Flagon.Runtime (the runtime, the source generator, the analyzers and the build settings they need),
# Flagon.OpenApi (the OpenAPI document of an app's routes: docs/openapi.md), Flagon.Shell (the shell command:
# docs/cli.md) and Flagon.Templates (`dotnet new flagon`, `dotnet new flagon-app`), both at one new prerelease version
# (0.1.0-local.<UTC time>) each run, so NuGet's cache never hands a project an older build of the same version; the
# templates reference the runtime of their own run. Older template packages are removed from the feed, so
# FEED/Flagon.Templates.*.nupkg is always the newest. Then:
#
#   dotnet new install FEED/Flagon.Templates.*.nupkg --force
#   dotnet nuget add source FEED --name flagon        # once: restores find Flagon.Runtime there
#   dotnet new flagon -n MyApp
#
# or, in an existing project: dotnet add package Flagon.Runtime --prerelease --source FEED
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
feed="${1:-$root/artifacts/feed}"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"

dotnet pack "$root/Flagon.Runtime/Flagon.Runtime.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet
dotnet pack "$root/Flagon.OpenApi/Flagon.OpenApi.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet
dotnet pack "$root/Flagon.Shell/Flagon.Shell.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet
rm -f "$feed"/Flagon.Templates.*.nupkg
dotnet pack "$root/Flagon.Templates/Flagon.Templates.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet

echo "Packed Flagon.Runtime, Flagon.OpenApi, Flagon.Shell and Flagon.Templates $version into $feed"
echo "New project from a template:"
echo "  dotnet new install $feed/Flagon.Templates.$version.nupkg --force"
echo "  dotnet nuget add source $feed --name flagon    (once)"
echo "  dotnet new flagon -n MyApp"
echo "In an existing project:"
echo "  dotnet add package Flagon.Runtime --prerelease --source $feed"
