#!/usr/bin/env bash
# Runs every test. The integration tests run the packed NativeAOT uvshim, installed with
# `dotnet tool install` from artifacts/packages, as its own process against a fake uv.
# Set UVSHIM_TEST_UV=/path/to/uv to run them against a real uv instead (offline, local wheels).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
node scripts/lint-workflows.mjs
scripts/pack.sh >/dev/null
# The packaging tests install, update and uninstall these packages instead of packing the current version again.
export UVSHIM_TEST_PACKAGES="$PWD/artifacts/packages"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private package cache: an older uvshim 0.1.0 in ~/.nuget/packages must not be installed instead.
NUGET_PACKAGES="$work/nuget" dotnet tool install uvshim --tool-path "$work/tools" --add-source artifacts/packages >/dev/null
export UVSHIM_TEST_SHIM="$work/tools/uvshim"
echo "testing $(readlink -f "$UVSHIM_TEST_SHIM") ($("$UVSHIM_TEST_SHIM" shim version))"

set +e
dotnet test UvShim.sln -c Release --logger "console;verbosity=normal" --logger trx --results-directory "$work/results"
status=$?
set -e
# One line summed over every test assembly's TRX counters.
cat "$work"/results/*.trx 2>/dev/null | tr ' ' '\n' | awk -F'"' '
  /^passed=/ {p += $2} /^failed=/ {f += $2} /^notExecuted=/ {s += $2}
  END {printf "%d passed, %d failed, %d skipped\n", p, f, s}'
exit "$status"
