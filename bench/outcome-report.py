"""Reads the hyperfine JSON exports of bench/outcome.sh and prints its table (Markdown): each way a rewritten install
reaches uv, its median over the rounds, and its difference from the plain exec measured in the same hyperfine run."""
import json
import statistics
import sys
from pathlib import Path

results = Path(sys.argv[1])
rounds = int(sys.argv[2])


def medians(name, index):
    return [json.loads((results / f"{name}-{r}.json").read_text())["results"][index]["median"] * 1000.0 for r in range(1, rounds + 1)]


def row(label, name, index, base_index):
    values = medians(name, index)
    deltas = [v - b for v, b in zip(values, medians(name, base_index))]
    if index == base_index:
        return f"| {label} | {statistics.median(values):.2f} ms | |"
    return (f"| {label} | {statistics.median(values):.2f} ms | {statistics.median(deltas):+.2f} ms "
            f"({min(deltas):+.2f} to {max(deltas):+.2f}) |")


print("| how the install reaches uv | median | over the exec, median (range) over rounds |")
print("|---|---|---|")
print(row("uv alone (`uv pip install x`)", "on-path", 0, 0))
print(row("exec: scripts directory on PATH, nothing to pin (`-q -U`)", "on-path", 1, 1))
print(row("child: the system site's versions pinned (a private constraints file)", "on-path", 2, 1))
print(row("child: scripts directory off PATH, looked at afterwards (`-U`)", "off-path", 1, 0))
print(row("child: both", "off-path", 2, 0))
