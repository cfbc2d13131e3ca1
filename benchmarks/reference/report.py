"""Tables of one benchmarks/run.sh run: TrackSim's BenchmarkDotNet results side by side with the
C and NumPy references timed in the same run, each reference figure as a ratio against TrackSim.

    python3 report.py ARTIFACTS_DIR

Reads ARTIFACTS_DIR/results/*-report-full.json (BenchmarkDotNet), ARTIFACTS_DIR/reference/
results.txt (the reference kernels' lines) and ARTIFACTS_DIR/memory*.txt (the --memory runs),
prints Markdown tables and writes them to ARTIFACTS_DIR/report.md as well. Medians and ranges
(min to max) are over all measured iterations, outliers included.
"""

import glob
import json
import os
import statistics
import sys

STEPS = 456  # monthly steps of the India-Pakistan scenario, 1984-01 to 2021-12


def load_benchmarks(artifacts, name):
    path = os.path.join(artifacts, "results", f"TrackSim.Benchmarks.{name}-report-full.json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    rows = []
    for b in report["Benchmarks"]:
        values = b["Statistics"]["OriginalValues"] if b.get("Statistics") else []
        if not values:
            continue
        params = dict(p.split("=", 1) for p in b["Parameters"].split("&") if p)
        rows.append({
            "method": b["Method"],
            "params": params,
            "median": statistics.median(values),
            "min": min(values),
            "max": max(values),
            "allocated": (b.get("Memory") or {}).get("BytesAllocatedPerOperation"),
        })
    return rows


def load_references(artifacts):
    """{(tool, kind, count): {key: value}} from lines 'kind=K c count=N median_s=...'."""
    results = {}
    path = os.path.join(artifacts, "reference", "results.txt")
    if not os.path.exists(path):
        return results
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if len(words) < 3:
                continue
            fields = dict(w.split("=", 1) for w in words if "=" in w)
            tool = next(w for w in words if "=" not in w)
            if tool == "bandwidth":
                results[(tool, int(fields["threads"]))] = fields
            else:
                results[(tool, fields["kind"], int(fields["count"]))] = fields
    return results


def time(ns):
    """A duration in nanoseconds, in a readable unit."""
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= size:
            return f"{ns / size:.3g} {unit}" if ns / size < 100 else f"{ns / size:.0f} {unit}"
    return f"{ns:.3g} ns"


def spread(row):
    return f"{time(row['median'])} ({time(row['min'])} – {time(row['max'])})"


def count(n):
    exponent = len(str(n)) - 1
    return f"10^{exponent}" if n == 10 ** exponent else f"{n:,}"


def citizen_step(rows, refs, out):
    if not rows:
        return
    out.append("## Citizen step: one round of CIT-INFLUENCE, mean degree 10\n")
    out.append("Median (min – max) per round; updates/s from the median; ratios are the reference's "
               "median time over TrackSim's one-thread median (above 1: TrackSim is faster).\n")
    out.append("| network | citizens | TrackSim 1 thread | M updates/s | TrackSim 2 threads | 2 vs 1 thread "
               "| allocated per round (1 / 2 threads) | C -O2 | C / TrackSim | NumPy | NumPy / TrackSim (1 / 2 threads) "
               "| same opinions (C, NumPy) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    by_key = {(r["params"]["Network"], int(r["params"]["Citizens"]), int(r["params"]["Threads"])): r for r in rows}
    for kind in ("small_world", "random"):
        for n in sorted({k[1] for k in by_key if k[0] == kind}):
            one, two = by_key.get((kind, n, 1)), by_key.get((kind, n, 2))
            if one is None:
                continue
            c, numpy = refs.get(("c", kind, n)), refs.get(("numpy", kind, n))
            cells = [kind.replace("_", " "), count(n), spread(one), f"{n / one['median'] * 1e3:.0f}"]
            cells.append(spread(two) if two else "–")
            cells.append(f"{one['median'] / two['median']:.2f}x" if two else "–")
            allocs = [r["allocated"] for r in (one, two) if r]
            cells.append(" / ".join(f"{a} B" for a in allocs))
            if c:
                c_ns = float(c["median_s"]) * 1e9
                cells += [time(c_ns), f"{c_ns / one['median']:.2f}"]
            else:
                cells += ["–", "–"]
            if numpy:
                np_ns = float(numpy["median_s"]) * 1e9
                ratio = f"{np_ns / one['median']:.1f}"
                if two:
                    ratio += f" / {np_ns / two['median']:.1f}"
                cells += [time(np_ns), ratio]
            else:
                cells += ["–", "–"]
            checks = []
            for ref in (c, numpy):
                if ref is None:
                    checks.append("–")
                elif ref.get("differ") == "0":
                    checks.append("bit-identical")
                else:
                    checks.append(f"{ref.get('differ')} differ, max {ref.get('max_abs_diff', '?')}")
            cells.append(", ".join(checks))
            out.append("| " + " | ".join(cells) + " |")
    out.append("")
    bandwidth = {k[1]: v for k, v in refs.items() if k[0] == "bandwidth"}
    if bandwidth:
        out.append("Memory bandwidth in the same run (benchmarks/reference/bandwidth.c, best of five passes):\n")
        out.append("| threads | sequential read | copy (read + write) |")
        out.append("|---:|---:|---:|")
        for threads in sorted(bandwidth):
            b = bandwidth[threads]
            out.append(f"| {threads} | {float(b['read_gbs']):.1f} GB/s | {float(b['copy_gbs']):.1f} GB/s |")
        out.append("")


def model(rows, out):
    if not rows:
        return
    out.append("## Whole model: one replicate of india-pakistan-1984-2021.yaml (456 monthly steps)\n")
    out.append("Build is the run's setup (world, population, network); per step is (replicate − build) / 456. "
               "At 10 citizens per state the citizen layer costs next to nothing, so that row is the rest of the model; "
               "its share is the rest of the model's cost per step over the whole step.\n")
    out.append("| citizens per state | citizen threads | build | replicate | per step | rest of the model's share of a step | allocated per replicate |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|")
    by_key = {(r["method"], int(r["params"]["PerState"]), int(r["params"]["Threads"])): r for r in rows}
    for per_state in sorted({k[1] for k in by_key}):
        for threads in (1, 2):
            build, run = by_key.get(("Build", per_state, threads)), by_key.get(("Replicate", per_state, threads))
            if not run:
                continue
            per_step = (run["median"] - (build["median"] if build else 0)) / STEPS
            rest = by_key.get(("Replicate", 10, threads))
            rest_build = by_key.get(("Build", 10, threads))
            share = "–"
            if rest and per_state != 10:
                rest_step = (rest["median"] - (rest_build["median"] if rest_build else 0)) / STEPS
                share = f"{rest_step / per_step:.1%}"
            out.append(f"| {per_state:,} | {threads} | {spread(build) if build else '–'} | {spread(run)} | {time(per_step)} "
                       f"| {share} | {run['allocated'] / 1024 ** 2:.1f} MiB |")
    out.append("")


def citizen_rules(rows, out):
    if not rows:
        return
    out.append("## Citizen rules one by one, one thread, small world\n")
    out.append("Each rule applied once to every citizen; per citizen is the median time over the number of citizens.\n")
    sizes = sorted({int(r["params"]["Citizens"]) for r in rows})
    out.append("| rule | " + " | ".join(f"{n:,} citizens | per citizen" for n in sizes) + " |")
    out.append("|---|" + "---:|---:|" * len(sizes))
    by_key = {(r["method"], int(r["params"]["Citizens"])): r for r in rows}
    for method in dict.fromkeys(r["method"] for r in rows):
        cells = []
        for n in sizes:
            r = by_key.get((method, n))
            cells.append(f"{spread(r)} | {time(r['median'] / n)}" if r else "– | –")
        out.append(f"| {method} | " + " | ".join(cells) + " |")
    out.append("")


def ensemble(rows, out):
    if not rows:
        return
    out.append("## Ensemble: 100 replicates of the base variant at 20,000 citizens per state\n")
    out.append("| threads | time | per replicate | speed-up |")
    out.append("|---:|---:|---:|---:|")
    by_threads = {int(r["params"]["Threads"]): r for r in rows}
    base = by_threads.get(1)
    for threads in sorted(by_threads):
        r = by_threads[threads]
        speed = f"{base['median'] / r['median']:.2f}x" if base else "–"
        out.append(f"| {threads} | {spread(r)} | {time(r['median'] / 100)} | {speed} |")
    out.append("")


def cases(rows, out, title):
    """One row per benchmark method: loading and charts, whose cases have no parameters."""
    if not rows:
        return
    out.append(f"## {title}\n")
    out.append("| case | time | allocated |")
    out.append("|---|---:|---:|")
    for r in rows:
        out.append(f"| {r['method']} | {spread(r)} | {r['allocated'] / 1024:.1f} KiB |")
    out.append("")


def memory(artifacts, out):
    for path in sorted(glob.glob(os.path.join(artifacts, "memory-*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = f.read().strip()
        if text:
            out.append(f"## Memory run ({os.path.basename(path)[7:-4]} citizens)\n")
            out.append("```text\n" + text + "\n```\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: report.py ARTIFACTS_DIR")
    artifacts = sys.argv[1]
    out = []
    machine = os.path.join(artifacts, "machine.txt")
    if os.path.exists(machine):
        with open(machine, encoding="utf-8") as f:
            out.append("## Machine\n\n```text\n" + f.read().strip() + "\n```\n")
    citizen_step(load_benchmarks(artifacts, "CitizenStepBenchmarks"), load_references(artifacts), out)
    citizen_rules(load_benchmarks(artifacts, "CitizenRulesBenchmarks"), out)
    model(load_benchmarks(artifacts, "ModelBenchmarks"), out)
    ensemble(load_benchmarks(artifacts, "EnsembleBenchmarks"), out)
    cases(load_benchmarks(artifacts, "ScenarioLoadingBenchmarks"), out, "Scenario loading and validation")
    cases(load_benchmarks(artifacts, "ChartRenderingBenchmarks"), out, "Charts: the tension chart of India-Pakistan (20 replicates of every variant)")
    memory(artifacts, out)
    text = "\n".join(out) + "\n"
    with open(os.path.join(artifacts, "report.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
