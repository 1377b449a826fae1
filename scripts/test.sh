#!/usr/bin/env bash
# Runs every test (the full tier). The integration tests run the packed NativeAOT uvshim, installed with
# `dotnet tool install` from artifacts/packages, as its own process against a fake uv.
# Set UVSHIM_TEST_UV=/path/to/uv to run them against a real uv instead (offline, local wheels).
# A bare `dotnet test` is the fast tier: the framework-dependent build instead of the packed binary (README.md, Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
node scripts/lint-workflows.mjs

# The formatting .editorconfig describes, before anything is packed.
if ! dotnet format UvShim.sln --verify-no-changes; then
  echo "scripts/test.sh: the code is not formatted as .editorconfig says (the lines above); run \`dotnet format UvShim.sln\` and commit the result" >&2
  exit 1
fi

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
# Each skipped test with its reason, then one line counted over every test assembly's TRX results (the TRX
# counters leave xunit's skips out of notExecuted, so the results themselves are counted).
python3 - "$work"/results/*.trx <<'EOF'
import os
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
counts = {"passed": 0, "failed": 0, "skipped": 0}
for trx in (path for path in sys.argv[1:] if os.path.exists(path)):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "NotExecuted":
            counts["skipped"] += 1
            reason = " ".join(result.findtext("t:Output/t:ErrorInfo/t:Message", "", ns).split()) or "(no reason given)"
            print(f"skipped: {result.get('testName')}: {reason}")
        else:
            counts["passed" if outcome == "Passed" else "failed"] += 1
print("{passed} passed, {failed} failed, {skipped} skipped".format(**counts))
EOF
exit "$status"
