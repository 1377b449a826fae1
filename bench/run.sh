#!/usr/bin/env bash
# Measures uvshim with hyperfine on this machine and prints the table the README shows.
# Builds and packs the NativeAOT tool, installs it with `dotnet tool install`, and compares, side by
# side in each hyperfine run, against a fake uv that is a minimal native program exiting 0, and against
# the floor: bench/floor, a NativeAOT program with uvshim's publish settings that only execs uv.
# As root it measures as an unprivileged uid with its own HOME (setpriv); otherwise as you.
# The system interpreter is Debian's /usr/bin/python3, which that user cannot write; it is externally
# managed, so UV_BREAK_SYSTEM_PACKAGES=1 lets the user install go ahead (for pip as for uvshim).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
scripts/pack.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
NUGET_PACKAGES="$work/nuget" dotnet tool install uvshim --tool-path "$work/tools" --add-source artifacts/packages >/dev/null
bin="$work/bin"
mkdir -p "$bin" "$work/results" "$work/home"
cp -L "$work/tools/uvshim" "$bin/uvshim"
cc -O2 -o "$bin/uv" bench/fake-uv.c
dotnet publish bench/floor -c Release -o "$work/floor" >/dev/null
cp "$work/floor/floor" "$bin/floor"
chmod 755 "$bin/uvshim" "$bin/uv" "$bin/floor"
python=/usr/bin/python3

# A wheel for pip to find already installed (its --user run then does no work but decide).
wheel_dir="$work/wheels"
mkdir -p "$wheel_dir/pkg/bench_pkg" "$wheel_dir/pkg/bench_pkg-1.0.dist-info"
echo 'VALUE = 1' > "$wheel_dir/pkg/bench_pkg/__init__.py"
printf 'Metadata-Version: 2.1\nName: bench-pkg\nVersion: 1.0\n' > "$wheel_dir/pkg/bench_pkg-1.0.dist-info/METADATA"
printf 'Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n' > "$wheel_dir/pkg/bench_pkg-1.0.dist-info/WHEEL"
(cd "$wheel_dir/pkg" && printf 'bench_pkg/__init__.py,,\nbench_pkg-1.0.dist-info/METADATA,,\nbench_pkg-1.0.dist-info/WHEEL,,\nbench_pkg-1.0.dist-info/RECORD,,\n' > bench_pkg-1.0.dist-info/RECORD \
  && "$python" -c 'import zipfile,os; z=zipfile.ZipFile("../bench_pkg-1.0-py3-none-any.whl","w"); [z.write(os.path.join(d,f), os.path.relpath(os.path.join(d,f))) for d,_,fs in os.walk(".") for f in fs]')
wheel="$wheel_dir/bench_pkg-1.0-py3-none-any.whl"

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R 4712:4712 "$work/home" "$work/results"
  as_user=(setpriv --reuid=4712 --regid=4712 --clear-groups --)
fi
home="$work/home"
# uv is found as users have it: the first uv on PATH (no UVSHIM_UV).
run() {
  "${as_user[@]}" env -i HOME="$home" PATH="$bin:/usr/local/bin:/usr/bin:/bin" TMPDIR="$home" \
    UV_SYSTEM_PYTHON=1 UV_BREAK_SYSTEM_PACKAGES=1 "$@"
}
hf() { run hyperfine -N --warmup 10 --runs "${RUNS:-100}" --style none "$@"; }
out="$work/results"

run "$python" -m pip install --user --no-index --no-deps --break-system-packages -q "$wheel"
# This VM's speed drifts by more than the margins measured here, so the comparisons run in several
# rounds (ROUNDS, default 9), each row side by side within its own hyperfine run.
rounds=${ROUNDS:-9}
for round in $(seq "$rounds"); do
  hf --export-json "$out/handover-version-$round.json" "$bin/uv --version" "$bin/uvshim --version" "$bin/floor $bin/uv --version" >/dev/null
  hf --export-json "$out/handover-lock-$round.json" "$bin/uv lock" "$bin/uvshim lock" "$bin/floor $bin/uv lock" >/dev/null
  hf --export-json "$out/rewrite-warm-$round.json" "$bin/uv pip install x" "$bin/uvshim pip install -q x" "$bin/floor $bin/uv pip install x" >/dev/null
  hf --export-json "$out/cold-$round.json" --prepare "rm -rf $home/.cache/uvshim" \
    "$python -I -c pass" "$bin/uv pip install x" "$bin/uvshim pip install -q x" "$bin/floor $bin/uv pip install x" >/dev/null
done
hf --export-json "$out/versus.json" \
  "$bin/uvshim pip install -q x" \
  "sh -c '$bin/uv pip install --target \"\$($python -m site --user-site)\" x'" \
  "$python -m pip install --user --no-index --no-deps --break-system-packages -q $wheel" >/dev/null
# Peak resident set of a cold rewrite: ru_maxrss of the child includes what it had before exec.
run rm -rf "$home/.cache/uvshim"
run "$python" -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)' "$bin/uvshim" pip install -q x > "$out/rss-mb.txt"

echo "uvshim $("$bin/uvshim" shim version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME"), medians of ${RUNS:-100} runs, $rounds rounds"
echo
"$python" bench/report.py "$out" "$rounds"
