#!/usr/bin/env bash
# Packs uvshim as a RID-specific .NET tool into artifacts/packages:
#   uvshim.<v>.nupkg            the pointer package that `dotnet tool install` resolves
#   uvshim.linux-x64.<v>.nupkg  NativeAOT binary for this host's RID (AOT cannot cross-compile)
#   uvshim.any.<v>.nupkg        framework-dependent fallback for every other platform
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
rm -rf "$out"
mkdir -p "$out"
dotnet pack src/UvShim -c Release -o "$out" -v quiet -nologo
# The pointer package names linux-x64 and any (UvShim.csproj); other hosts get the fallback.
if [ "$rid" = linux-x64 ]; then
  dotnet pack src/UvShim -c Release -r linux-x64 -o "$out" -v quiet -nologo
fi
dotnet pack src/UvShim -c Release -r any -p:PublishAot=false -o "$out" -v quiet -nologo
ls "$out"
