"""Reads the hyperfine JSON exports of bench/run.sh and prints the results table (Markdown).

Each target row was measured in several rounds; the table gives the medians over the rounds, the
range of the difference, and in how many rounds the target was met. A row is met when its median
difference is within the target. The cold row's difference is over uv alone plus one
`python3 -I -c pass`, both measured in the same hyperfine run as uvshim.

The floor (bench/floor, a NativeAOT program that only execs uv) ran in the same hyperfine runs; each
row is also given in its units: uvshim's difference over the floor's (over uv alone), per round, median
over the rounds. Those targets (hand-over 1.15, warm 1.3, cold the interpreter's start plus 1.5) say
how close uvshim comes to what any NativeAOT front for uv costs on the machine of the day.
"""
import json
import statistics
import sys
from pathlib import Path

results = Path(sys.argv[1])
rounds = int(sys.argv[2])
rss_mb = float((results / "rss-mb.txt").read_text().strip())


def median(name, index=0):
    data = json.loads((results / f"{name}.json").read_text())
    return data["results"][index]["median"] * 1000.0


def row(label, measurements, target, floor_target, over=""):
    """measurements: one (uv alone, through uvshim, baseline, the floor's difference over uv alone) per round;
    the difference is uvshim - baseline, and in the floor's units that difference over the floor's."""
    direct = statistics.median(m[0] for m in measurements)
    shim = statistics.median(m[1] for m in measurements)
    deltas = [m[1] - m[2] for m in measurements]
    delta = statistics.median(deltas)
    met = sum(1 for d in deltas if d <= target)
    verdict = "yes" if delta <= target else "**no**"
    floor = statistics.median(m[3] for m in measurements)
    ratios = [(m[1] - m[2]) / m[3] for m in measurements]
    ratio = statistics.median(ratios)
    floor_met = sum(1 for r in ratios if r <= floor_target)
    floor_verdict = "yes" if ratio <= floor_target else "**no**"
    return (f"| {label} | {direct:.2f} ms | {shim:.2f} ms | +{delta:.2f} ms{over} (+{min(deltas):.2f} to +{max(deltas):.2f}) "
            f"| ≤ +{target:g} ms | {verdict}, {met} of {len(measurements)} "
            f"| +{floor:.2f} ms | {ratio:.2f}× ({min(ratios):.2f} to {max(ratios):.2f}) | ≤ {floor_target:g}× | {floor_verdict}, {floor_met} of {len(measurements)} |")


def pair(name):
    """uv alone (0), uvshim (1) and the floor (2) of one hyperfine run per round."""
    return [(median(f"{name}-{r}", 0), median(f"{name}-{r}", 1), median(f"{name}-{r}", 0),
             median(f"{name}-{r}", 2) - median(f"{name}-{r}", 0)) for r in range(1, rounds + 1)]


rows = [
    row("hand-over: `uv --version`", pair("handover-version"), 3, 1.15),
    row("hand-over: `uv lock`", pair("handover-lock"), 3, 1.15),
    row("rewrite, warm probe cache: `uv pip install x`", pair("rewrite-warm"), 5, 1.3),
]
# Cold: the baseline is uv alone plus one interpreter start (0), measured in the same hyperfine run as uv alone (1),
# uvshim (2) and the floor (3).
cold = [(median(f"cold-{r}", 1), median(f"cold-{r}", 2), median(f"cold-{r}", 1) + median(f"cold-{r}", 0),
         median(f"cold-{r}", 3) - median(f"cold-{r}", 1)) for r in range(1, rounds + 1)]
python_start = statistics.median(median(f"cold-{r}", 0) for r in range(1, rounds + 1))
rows.append(row("rewrite, cold probe cache", cold, 5, 1.5, f" over uv + `python3 -I -c pass` ({python_start:.2f} ms)"))
rows.append(f"| peak resident memory, cold rewrite | | {rss_mb:.1f} MB | | ≤ 25 MB | {'yes' if rss_mb <= 25 else '**no**'} | | | | |")

print("| case | uv alone | through uvshim | difference, median (range) over rounds | target | met, in rounds "
      "| floor over uv alone | difference in floors, median (range) | floor target | met, in rounds |")
print("|---|---|---|---|---|---|---|---|---|---|")
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
