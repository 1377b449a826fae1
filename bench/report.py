"""Reads the hyperfine JSON exports of bench/run.sh and prints the results table (Markdown)."""
import json
import sys
from pathlib import Path

results = Path(sys.argv[1])
rss_mb = float((results / "rss-mb.txt").read_text().strip())


def median(name, index=0):
    data = json.loads((results / f"{name}.json").read_text())
    return data["results"][index]["median"] * 1000.0


rows = []


def over(label, name, target_ms, note=""):
    direct, shim = median(name, 0), median(name, 1)
    delta = shim - direct
    ok = "yes" if delta <= target_ms else "**no**"
    rows.append(f"| {label} | {direct:.2f} ms | {shim:.2f} ms | +{delta:.2f} ms | ≤ +{target_ms:g} ms{note} | {ok} |")


over("hand-over: `uv --version`", "handover-version", 3)
over("hand-over: `uv lock`", "handover-lock", 3)
over("rewrite, warm probe cache: `uv pip install x`", "rewrite-warm", 5)
python_start = median("cold", 0)
cold_direct, cold_shim = median("cold", 1), median("cold", 2)
delta = cold_shim - cold_direct
target = python_start + 5
rows.append(
    f"| rewrite, cold probe cache | {cold_direct:.2f} ms | {cold_shim:.2f} ms | +{delta:.2f} ms "
    f"| ≤ +{target:.1f} ms (`python3 -I -c pass` {python_start:.2f} ms + 5) | {'yes' if delta <= target else '**no**'} |")
rows.append(f"| peak resident memory, cold rewrite | | {rss_mb:.1f} MB | | ≤ 25 MB | {'yes' if rss_mb <= 25 else '**no**'} |")

print("| case | uv alone | through uvshim | difference | target | met |")
print("|---|---|---|---|---|---|")
print("\n".join(rows))
print()
shim = median("versus", 0)
workaround = median("versus", 1)
pip_user = median("versus", 2)
print("| what people do instead | median | uvshim is |")
print("|---|---|---|")
print(f"| `uvshim pip install x` (warm, uv stubbed) | {shim:.2f} ms | |")
print(f"| `uv pip install --target \"$(python3 -m site --user-site)\" x` (uv stubbed) | {workaround:.2f} ms | {workaround / shim:.1f}× faster |")
print(f"| `python3 -m pip install --user` of an installed wheel | {pip_user:.2f} ms | {pip_user / shim:.0f}× faster |")
