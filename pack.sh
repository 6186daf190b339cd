#!/usr/bin/env bash
# Packs Flagon into a local NuGet feed (a folder), for projects outside this repository, until the packages are on a
# public feed:
#
#   ./pack.sh [FEED]          # FEED defaults to artifacts/feed in this clone
#
# Each run packs a new prerelease version (0.1.0-local.<UTC time>), so NuGet's cache never hands a project an older
# build of the same version. Then, in your project:
#
#   dotnet add package Flagon.Runtime --prerelease --source FEED
#
# The package carries the runtime, the source generator, the analyzers and the build settings they need.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
feed="${1:-$root/artifacts/feed}"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"

dotnet pack "$root/Flagon.Runtime/Flagon.Runtime.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet

echo "Packed Flagon.Runtime $version into $feed"
echo "In your project:"
echo "  dotnet add package Flagon.Runtime --prerelease --source $feed"
