#!/usr/bin/env bash
# What a rewritten install costs when uvshim runs uv as a child to look afterwards (pip's scripts warning) or pins the
# system site's versions (a private constraints file), against the plain exec. Same setup as bench/run.sh: the packed
# NativeAOT tool, the native fake uv that exits 0, Debian's /usr/bin/python3 (whose system site-packages holds
# Debian's python3-* packages) as an unprivileged uid, each round's commands side by side in one hyperfine run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
[ "${SKIP_PACK:-}" = 1 ] || scripts/pack.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
NUGET_PACKAGES="$work/nuget" dotnet tool install uvshim --tool-path "$work/tools" --add-source artifacts/packages >/dev/null
bin="$work/bin"
mkdir -p "$bin" "$work/results" "$work/home/.local/bin"
cp -L "$work/tools/uvshim" "$bin/uvshim"
cc -O2 -o "$bin/uv" bench/fake-uv.c
chmod 755 "$bin/uvshim" "$bin/uv"
python=/usr/bin/python3

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R 4712:4712 "$work/home" "$work/results"
  as_user=(setpriv --reuid=4712 --regid=4712 --clear-groups --)
fi
home="$work/home"
on_path="$bin:$home/.local/bin:/usr/local/bin:/usr/bin:/bin"
off_path="$bin:/usr/local/bin:/usr/bin:/bin"
run() {
  "${as_user[@]}" env -i HOME="$home" PATH="$1" TMPDIR="$home" \
    UVSHIM_UV="$bin/uv" UV_SYSTEM_PYTHON=1 UV_BREAK_SYSTEM_PACKAGES=1 "${@:2}"
}
hf() { run "$1" hyperfine -N --warmup 10 --runs "${RUNS:-100}" --style none "${@:2}"; }
out="$work/results"

run "$on_path" "$bin/uvshim" pip install -q x  # a warm probe cache
pins=$(run "$on_path" "$bin/uvshim" shim explain pip install x | sed -n 's/^constraints: *//p' | tr ',' '\n' | grep -c . || true)
rounds=${ROUNDS:-5}
for round in $(seq "$rounds"); do
  # -U: uv is to ignore what is installed, so nothing is pinned; -q: no scripts warning.
  hf "$on_path" --export-json "$out/on-path-$round.json" \
    "$bin/uv pip install x" "$bin/uvshim pip install -q -U x" "$bin/uvshim pip install -q x" >/dev/null
  hf "$off_path" --export-json "$out/off-path-$round.json" \
    "$bin/uvshim pip install -q -U x" "$bin/uvshim pip install -U x" "$bin/uvshim pip install x" >/dev/null
done

echo "uvshim $("$bin/uvshim" shim version | cut -d' ' -f2), $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m), $(. /etc/os-release && echo "$PRETTY_NAME"), medians of ${RUNS:-100} runs, $rounds rounds, $pins system packages pinned"
echo
"$python" bench/outcome-report.py "$out" "$rounds"
