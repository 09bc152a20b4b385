#!/usr/bin/env python3
"""Turns bench/run.sh's results.jsonl into a Markdown table: workload, metric, Python s,
Skein s, ratio (Python / Skein: above 1 means Skein is faster), medians over passes, plus each
side's whole-process wall time (JVM or interpreter start-up included)."""
import json
import statistics
import sys


def main(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    workloads = []
    values = {}   # (workload, metric, side) -> [per-pass values]
    for r in rows:
        w, side = r["workload"], r["side"]
        if w not in workloads:
            workloads.append(w)
        values.setdefault((w, "whole process wall", side), []).append(r["wall_s"])
        metrics = (r.get("result") or {}).get("metrics", {})
        for m, v in metrics.items():
            if isinstance(v, (int, float)) and m.endswith("_s"):
                values.setdefault((w, m, side), []).append(v)

    def med(w, m, side):
        xs = values.get((w, m, side))
        return statistics.median(xs) if xs else None

    def fmt(v):
        return "—" if v is None else f"{v:.4f}"

    out = ["| workload | metric | Python s | Skein s | ratio Python/Skein |",
           "|---|---|---:|---:|---:|"]
    for w in workloads:
        metrics = []
        for (ww, m, _side) in values:
            if ww == w and m not in metrics and m != "whole process wall":
                metrics.append(m)
        metrics.append("whole process wall")
        for m in metrics:
            py, sk = med(w, m, "python"), med(w, m, "skein")
            ratio = f"{py / sk:.2f}" if py is not None and sk else "—"
            out.append(f"| {w} | {m} | {fmt(py)} | {fmt(sk)} | {ratio} |")
    # Both sides compute the same check values (sums, counts); they must agree.
    mismatches = []
    for w in workloads:
        checks = {}
        for r in rows:
            if r["workload"] == w and r.get("result"):
                checks.setdefault(r["side"], {}).update(r["result"].get("checks", {}))
        py, sk = checks.get("python", {}), checks.get("skein", {})
        for k in sorted(set(py) & set(sk)):
            if py[k] != sk[k]:
                mismatches.append(f"- {w}: check {k}: Python {py[k]!r}, Skein {sk[k]!r}")
    passes = max((r["pass"] for r in rows), default=0)
    out.append("")
    out.append(f"Medians over {passes} pass(es). Python's process-pool variants "
               "have no Skein twin yet (—). Whole-process wall includes start-up and every "
               "repetition.")
    if mismatches:
        out.append("")
        out.append("Check values that differ between the two sides:")
        out.extend(mismatches)
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/results/latest/results.jsonl")
