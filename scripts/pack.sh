#!/usr/bin/env bash
# Packs uvshim as a RID-specific .NET tool into artifacts/packages:
#   uvshim.<v>.nupkg              the pointer package that `dotnet tool install` resolves
#   uvshim.linux-x64.<v>.nupkg    NativeAOT binary for x86_64 Linux
#   uvshim.linux-arm64.<v>.nupkg  NativeAOT binary for aarch64 Linux
#   uvshim.linux-musl-x64.<v>.nupkg  self-contained single-file binary for x86_64 musl (Alpine)
#   uvshim.linux-musl.<v>.nupkg   framework-dependent, for every other musl architecture (Alpine on aarch64)
#   uvshim.any.<v>.nupkg          framework-dependent fallback for every other platform
# NativeAOT compiles across architectures but not across operating systems: on a Linux host the other
# architecture links with Debian's cross gcc and libc (scripts/prerequisites.sh), found by clang's --target.
# NuGet serves no NativeAOT compiler for musl, hence the two musl packages (UvShim.csproj says why these two).
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
rm -rf "$out"
mkdir -p "$out"
dotnet pack src/UvShim -c Release -o "$out" -v quiet -nologo
# The pointer package names linux-x64, linux-arm64 and any (UvShim.csproj).
case "$rid" in
  linux-x64 | linux-arm64)
    dotnet pack src/UvShim -c Release -r linux-x64 -o "$out" -v quiet -nologo
    dotnet pack src/UvShim -c Release -r linux-arm64 -o "$out" -v quiet -nologo
    ;;
  *) echo "the linux-x64 and linux-arm64 packages are packed on a Linux host; this is $rid" >&2 ;;
esac
# The musl packages take their properties from UvShim.csproj (by RuntimeIdentifier); they pack on any host.
dotnet pack src/UvShim -c Release -r linux-musl-x64 -o "$out" -v quiet -nologo
dotnet pack src/UvShim -c Release -r linux-musl -o "$out" -v quiet -nologo
dotnet pack src/UvShim -c Release -r any -p:PublishAot=false -o "$out" -v quiet -nologo
ls "$out"
