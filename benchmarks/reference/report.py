"""Tables of one benchmarks/run.sh run: TrackSim's BenchmarkDotNet results side by side with the
C and NumPy references timed in the same run, each reference figure as a ratio against TrackSim.

    python3 report.py ARTIFACTS_DIR

Reads ARTIFACTS_DIR/results/*-report-full.json (BenchmarkDotNet), ARTIFACTS_DIR/reference/
results.txt (the reference kernels' and the memory ceilings' lines) and ARTIFACTS_DIR/memory*.txt
(the --memory runs), prints Markdown tables and writes them to ARTIFACTS_DIR/report.md as well.
Medians and ranges (min to max) are over all measured iterations, outliers included. A table
whose benchmarks did not run is left out, and a benchmark's parameters are read as they come
(no Threads parameter means one thread).

The roofline tables set each citizen rule and the influence round against the memory ceilings
bandwidth.c measured in the same run, from the bytes each citizen costs (BYTES below; the
derivation is in docs/PERFORMANCE.md (section 1, "Against the memory ceilings")).
"""

import glob
import json
import os
import re
import statistics
import sys

STEPS = 456  # monthly steps of the India-Pakistan scenario, 1984-01 to 2021-12

# Runs in one operation of SmallRunBenchmarks: every variant of India-Pakistan (the base and five)
# once, or SmallRunBenchmarks.ParticleCount particles. A method not named here counts as one run.
SMALL_RUNS = {"Variants": 6, "Particles": 20, "ParticlesCommonSeeds": 20}

LINE = 64  # bytes in a cache line

# Partner reads that miss: the share of a citizen's ties to far-away citizens, whose trust is not
# in the lines the round streams anyway. Small world (the network defaults): 2% of ties abroad and
# 10% of the remaining 98% rewired, 0.02 + 0.98 x 0.1 = 0.118; random network: every tie. Each
# partner abroad (2%) also reads that partner's flags, one more line.
FAR_TIES = {"small_world": 0.118, "random": 1.0}
ABROAD = 0.02


def influence_bytes(kind):
    """Streamed bytes and random lines per citizen of one influence round (mean degree 10).

    Streamed: the row start (offsets, 4), the row of ties (targets, 10 x 4 = 40: one tie is read,
    but the rows lie end to end and nearly every line is touched), the citizen's own trust (4),
    its flags (1: read for partners abroad only, but those are spread over every line of flags),
    the new trust written (4) and the line read for ownership before it is written (4: ordinary
    stores into the second array). Random: the far partners' trust and the flags of partners abroad.
    """
    return 4 + 40 + 4 + 1 + 4 + 4, FAR_TIES[kind] + ABROAD


# Per rule of CitizenRulesBenchmarks (small world): (streamed bytes, random lines, streaming ceiling).
# The element-wise rules read and write trust in place (4 + 4) and read one more array each;
# the summaries read trust twice (the mean, then the squares about it), the means once.
BYTES = {
    "Influence": influence_bytes("small_world") + ("read",),
    "Noise": (8, 0.0, "update"),        # trust read and written
    "Media": (12, 0.0, "update"),       # trust read and written, exposure (float) read
    "Contact": (10, 0.0, "update"),     # trust read and written, active cross-border ties (ushort) read
    "Outreach": (9, 0.0, "update"),     # trust read and written, flags read
    "Summaries": (8, 0.0, "read"),      # trust read twice
    "Means": (4, 0.0, "read"),          # trust read once
}
# The arrays each case touches, in bytes per citizen, to tell whether they fit the L3: the
# influence round's offsets, targets, trust, flags and second trust array; the others' trust
# and the one other array each reads.
WORKING = {"Influence": 4 + 40 + 4 + 1 + 4, "Noise": 4, "Media": 8, "Contact": 6, "Outreach": 5, "Summaries": 4, "Means": 4}
# The share of the roofline a two-thread case at 10^7 citizens and above is to reach.
ROOFLINE_TARGET = 0.70
SPEEDUP_TARGET = 1.8          # a single run on two threads against one, at 10^6 citizens per state and above
NETWORK_SECONDS_TARGET = 20   # building the network of 10^8 citizens
BYTES_PER_CITIZEN_TARGET = 64  # state and network arrays at 10^8 citizens


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
    """The lines of reference/results.txt by key.

    ("bandwidth", threads) and ("cache",) for bandwidth.c's lines; ("c", kind, count, build,
    kernel) for 'kind=K build=B c kernel=K count=N median_s=...' (a line without build and kernel
    is the branchy -O2 kernel of earlier runs); ("numpy", kind, count) for the NumPy lines.
    """
    results = {}
    path = os.path.join(artifacts, "reference", "results.txt")
    if not os.path.exists(path):
        return results
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if len(words) < 2:
                continue
            fields = dict(w.split("=", 1) for w in words if "=" in w)
            tool = next((w for w in words if "=" not in w), None)
            if tool == "bandwidth":
                results[(tool, int(fields["threads"]))] = fields
            elif tool == "cache":
                results[(tool,)] = fields
            elif tool == "c":
                key = (tool, fields["kind"], int(fields["count"]), fields.get("build", "O2"), fields.get("kernel", "branchy"))
                results[key] = fields
            elif tool is not None and "kind" in fields:
                results[(tool, fields["kind"], int(fields["count"]))] = fields
    return results


def load_memory_runs(artifacts):
    """{(citizens, kind): {field: value}} from the --memory runs' output (memory-*.txt), what is found of it."""
    runs = {}
    patterns = {
        "citizens": r"^citizens\s+([\d,]+) in \d+ states",
        "kind": r"^citizens\s+[\d,]+ in \d+ states, (\w+) network",
        "population_s": r"^population drawn in\s+([\d.]+) s",
        "network_s": r"^network built in\s+([\d.]+) s",
        "network_2_s": r"^network built in\s+[\d.]+ s on 1 thread, ([\d.]+) s on 2 threads",
        "state_bytes": r"^state arrays\s+([\d.]+) bytes per citizen",
        "network_bytes": r"^network arrays\s+([\d.]+) bytes per citizen",
        "heap_bytes": r"^managed heap growth\s+([\d.]+) bytes per citizen",
        "peak_bytes": r"^peak working set\s+[\d,]+ MiB \(([\d.]+) bytes per citizen",
        "influence_1": r"^influence, 1 thread\s+median ([\d.]+) s",
        "influence_2": r"^influence, 2 threads\s+median ([\d.]+) s",
    }
    for path in sorted(glob.glob(os.path.join(artifacts, "memory-*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        found = {}
        for key, pattern in patterns.items():
            m = re.search(pattern, text, re.MULTILINE)
            if m:
                found[key] = m.group(1) if key in ("kind", "citizens") else float(m.group(1))
        if "citizens" not in found:
            continue
        kind = {"SmallWorld": "small_world", "Random": "random"}.get(found.get("kind", ""), found.get("kind", "?"))
        found["kind"] = kind
        runs[(int(found.pop("citizens").replace(",", "")), kind)] = found
    return runs


def threads_of(row):
    """The Threads parameter of a benchmark row, 1 when the benchmark has none."""
    return int(row["params"].get("Threads", 1))


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


BUILDS = {"O2": "-O2", "O3-native": "-O3 -march=native"}


def c_yardstick(refs, kind, n):
    """The C yardstick of a case: the faster build of the branchless kernel (or, from a run
    before it, whatever C line there is), as (fields, build)."""
    found = [(float(v["median_s"]), k[3], v) for k, v in refs.items()
             if k[0] == "c" and k[1] == kind and k[2] == n and k[4] == "branchless"]
    if not found:
        found = [(float(v["median_s"]), k[3], v) for k, v in refs.items() if k[0] == "c" and k[1] == kind and k[2] == n]
    if not found:
        return None, None
    _, build, fields = min(found, key=lambda f: f[0])
    return fields, build


def check(ref):
    if ref is None:
        return "–"
    if ref.get("differ") == "0":
        return "bit-identical"
    return f"{ref.get('differ')} differ, max {ref.get('max_abs_diff', '?')}"


def citizen_step(rows, refs, out):
    if not rows:
        return
    out.append("## Citizen step: one round of CIT-INFLUENCE, mean degree 10\n")
    out.append("Median (min – max) per round; updates/s from the median; ratios are the reference's "
               "median time over TrackSim's median (above 1: TrackSim is faster). The C yardstick is the "
               "branchless kernel in the faster of its two builds (next table); the branchy -O2 kernel, "
               "the yardstick before, is in the last C column.\n")
    out.append("| network | citizens | TrackSim 1 thread | M updates/s | TrackSim 2 threads | 2 vs 1 thread "
               "| allocated per round (1 / 2 threads) | C | C / TrackSim (1 / 2 threads) | C branchy -O2 / TrackSim (1 thread) "
               "| NumPy | NumPy / TrackSim (1 / 2 threads) | same opinions (C, NumPy) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    by_key = {(r["params"]["Network"], int(r["params"]["Citizens"]), threads_of(r)): r for r in rows}
    for kind in ("small_world", "random"):
        for n in sorted({k[1] for k in by_key if k[0] == kind}):
            one, two = by_key.get((kind, n, 1)), by_key.get((kind, n, 2))
            if one is None:
                continue
            c, build = c_yardstick(refs, kind, n)
            branchy = refs.get(("c", kind, n, "O2", "branchy"))
            numpy = refs.get(("numpy", kind, n))
            cells = [kind.replace("_", " "), count(n), spread(one), f"{n / one['median'] * 1e3:.0f}"]
            cells.append(spread(two) if two else "–")
            cells.append(f"{one['median'] / two['median']:.2f}x" if two else "–")
            allocs = [r["allocated"] for r in (one, two) if r]
            cells.append(" / ".join(f"{a} B" for a in allocs))
            if c:
                c_ns = float(c["median_s"]) * 1e9
                ratio = f"{c_ns / one['median']:.2f}" + (f" / {c_ns / two['median']:.2f}" if two else "")
                cells += [f"{time(c_ns)} ({BUILDS.get(build, build)})", ratio]
            else:
                cells += ["–", "–"]
            cells.append(f"{float(branchy['median_s']) * 1e9 / one['median']:.2f}" if branchy and branchy is not c else "–")
            if numpy:
                np_ns = float(numpy["median_s"]) * 1e9
                cells += [time(np_ns), f"{np_ns / one['median']:.1f}" + (f" / {np_ns / two['median']:.1f}" if two else "")]
            else:
                cells += ["–", "–"]
            cells.append(f"{check(c)}, {check(numpy)}")
            out.append("| " + " | ".join(cells) + " |")
    out.append("")


def c_builds(refs, out):
    """The C kernels in both builds, side by side: which one is the yardstick and what the branch cost."""
    cases = sorted({(k[1], k[2]) for k in refs if k[0] == "c"}, key=lambda c: (c[0] != "small_world", c[1]))
    if not cases:
        return
    out.append("### C kernels\n")
    out.append("Median per round (every one checked bit for bit against TrackSim). "
               "Branchless: the move kept with a bit mask; branchy: `fabs(gap) < epsilon ? moved : xi`, "
               "a branch mispredicted about every other citizen. The yardstick is the faster branchless build.\n")
    out.append("| network | citizens | branchless -O2 | branchless -O3 -march=native | branchy -O2 | yardstick | branchy / yardstick |")
    out.append("|---|---:|---:|---:|---:|---|---:|")
    for kind, n in cases:
        cells = [kind.replace("_", " "), count(n)]
        for key in (("O2", "branchless"), ("O3-native", "branchless"), ("O2", "branchy")):
            ref = refs.get(("c", kind, n) + key)
            cells.append(time(float(ref["median_s"]) * 1e9) + ("" if ref.get("differ") == "0" else f" ({check(ref)})") if ref else "–")
        best, build = c_yardstick(refs, kind, n)
        branchy = refs.get(("c", kind, n, "O2", "branchy"))
        cells.append(f"branchless {BUILDS.get(build, build)}" if best and best is not branchy else "–")
        cells.append(f"{float(branchy['median_s']) / float(best['median_s']):.2f}x" if best and branchy and best is not branchy else "–")
        out.append("| " + " | ".join(cells) + " |")
    out.append("")


def ceilings(refs, out):
    bandwidth = {k[1]: v for k, v in refs.items() if k[0] == "bandwidth"}
    if not bandwidth:
        return
    out.append("### Memory ceilings\n")
    out.append("Measured in the same run (benchmarks/reference/bandwidth.c, best of five passes; "
               "random: independent 4-byte reads over 512 MiB, each a 64-byte line). The roofline below takes for "
               "two threads the better of the one- and two-thread figures: a two-thread figure below the one-thread one "
               "means the second core was busy during the measurement.\n")
    out.append("| threads | sequential read | copy (read + write) | update in place (read + write) | random reads | random reads, lines |")
    out.append("|---:|---:|---:|---:|---:|---:|")
    for threads in sorted(bandwidth):
        b = bandwidth[threads]
        cells = [str(threads)] + [f"{float(b[k]):.1f} GB/s" if k in b else "–" for k in ("read_gbs", "copy_gbs", "update_gbs", "random_gbs")]
        cells.append(f"{float(b['random_mlines_s']):.1f} M/s" if "random_mlines_s" in b else "–")
        out.append("| " + " | ".join(cells) + " |")
    out.append("")


def l3_bytes(refs):
    cache = refs.get(("cache",))
    return int(cache["l3_bytes"]) if cache and int(cache["l3_bytes"]) > 0 else None


def ceiling_of(refs, field, threads):
    """A ceiling for a case on this many threads: the best that bandwidth.c reached on at most as
    many threads. Two threads can always leave one idle, so a two-thread figure below the
    one-thread one (the second core busy with other work during the measurement) is not taken
    as the ceiling: it would flatter the two-thread cases."""
    values = [float(v[field]) for k, v in refs.items() if k[0] == "bandwidth" and k[1] <= threads and field in v]
    return max(values) if values else None


def roofline_cells(n, seconds, threads, streamed, lines, ceiling, refs):
    """The roofline columns of one case, or None without the ceilings of its thread count.

    The roofline time is the streamed bytes at the streaming ceiling plus the random lines at the
    random-access ceiling (the two kinds of traffic share the memory system, so they are added);
    the share is that time over the measured one, which is the streaming part's share of its
    ceiling plus the random part's share of its own.
    """
    stream_ceiling = ceiling_of(refs, f"{ceiling}_gbs", threads)
    line_ceiling = ceiling_of(refs, "random_mlines_s", threads)
    if stream_ceiling is None or (lines and line_ceiling is None):
        return None
    stream_share = streamed * n / seconds / (stream_ceiling * 1e9)
    random_share = lines * n / seconds / (line_ceiling * 1e6) if lines else 0.0
    achieved = (streamed + LINE * lines) * n / seconds / 1e9
    return achieved, stream_share, random_share


def fits(n, working, lines, refs):
    """Where the case's arrays (working bytes per citizen) sit against the L3, as a note (empty when they leave it)."""
    l3 = l3_bytes(refs)
    if l3 is None:
        return ""
    if working * n <= l3:
        return "arrays fit the L3: the memory ceilings do not bind"
    if lines and 4 * n <= l3:
        return "partners' trust fits the L3: its reads mostly hit it"
    if lines and 4 * n <= 4 * l3:
        return f"partners' trust {4 * n / l3:.1f}x the L3: part of its reads hit it"
    return ""


def verdict(n, threads, share, note):
    """The target of a case and whether it is met: only two threads at 10^7 citizens and above have one."""
    if n < 10 ** 7 or threads != 2:
        return "–", "–"
    met = "met" if share >= ROOFLINE_TARGET else "missed"
    if note.startswith("arrays fit"):
        met += " (in cache)"
    elif note:
        met += " (partly in the L3)"
    return f"≥ {ROOFLINE_TARGET:.0%}", met


ROOFLINE_TEXT = ("Bytes per citizen as counted in docs/PERFORMANCE.md (section 1, Against the memory ceilings): streamed bytes, plus random "
                 "64-byte lines (partners' trust off the streamed lines). Achieved: (streamed + 64 × lines) × citizens / "
                 "median time. Share: the time the case would take at the ceilings of its thread count measured in this run "
                 "(the streamed bytes at the streaming ceiling named, the lines at the random-read ceiling) over its median "
                 "time; it is the streaming part's share of its ceiling plus the random part's share of its own. "
                 f"Target: {ROOFLINE_TARGET:.0%} on two threads at 10^7 citizens and above. Where the arrays fit the L3 "
                 "the memory ceilings do not bind, and a share above 100% says so.\n")


def roofline(step_rows, rule_rows, memory_runs, refs, out):
    """The influence round and the citizen rules against the memory ceilings of the same run."""
    if not any(k[0] == "bandwidth" for k in refs):
        return
    rows = []
    for r in step_rows:
        n = int(r["params"]["Citizens"])
        if n >= 10 ** 6:
            kind = r["params"]["Network"]
            rows.append((f"{kind.replace('_', ' ')} (CitizenStepBenchmarks)", n, threads_of(r), r["median"] / 1e9) + influence_bytes(kind))
    for (n, kind), run in sorted(memory_runs.items()):
        for threads in (1, 2):
            if f"influence_{threads}" in run and kind in FAR_TIES:
                rows.append((f"{kind.replace('_', ' ')} (--memory, median of 3 rounds)", n, threads, run[f"influence_{threads}"]) + influence_bytes(kind))
    if rows:
        out.append("## Citizen step against the memory ceilings (roofline)\n")
        out.append(ROOFLINE_TEXT)
        out.append("| network | citizens | threads | bytes per citizen (streamed + lines) | median | achieved "
                   "| streaming share (read ceiling) | random share | share of the roofline | target | | note |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
        for name, n, threads, seconds, streamed, lines in sorted(rows, key=lambda r: (r[0].split(' (')[0], r[1], r[2], r[0])):
            cells = roofline_cells(n, seconds, threads, streamed, lines, "read", refs)
            if cells is None:
                continue
            achieved, stream_share, random_share = cells
            share = stream_share + random_share
            note = fits(n, WORKING["Influence"], lines, refs)
            target, met = verdict(n, threads, share, note)
            out.append(f"| {name} | {count(n)} | {threads} | {streamed:g} + {lines:g} | {time(seconds * 1e9)} | {achieved:.1f} GB/s "
                       f"| {stream_share:.0%} | {random_share:.0%} | {share:.0%} | {target} | {met} | {note} |")
        out.append("")

    rules = [r for r in rule_rows if r["method"] in BYTES]
    if not rules:
        return
    sizes = sorted({int(r["params"]["Citizens"]) for r in rules})
    by_key = {(r["method"], threads_of(r), int(r["params"]["Citizens"])): r for r in rules}
    out.append("Citizen rules (CitizenRulesBenchmarks, small world) against the same ceilings: share of the roofline "
               "(achieved bandwidth) per size; † the arrays fit the L3, ‡ the partners' trust is at most four times the L3. "
               "The target column judges two threads at 10^7 citizens and above.\n")
    out.append("| rule | threads | bytes per citizen (streamed + lines) | streaming ceiling | "
               + " | ".join(f"{count(n)}" for n in sizes) + " | target | |")
    out.append("|---|---:|---:|---|" + "---:|" * len(sizes) + "---:|---|")
    for method in dict.fromkeys(r["method"] for r in rules):
        streamed, lines, ceiling = BYTES[method]
        for threads in sorted({k[1] for k in by_key if k[0] == method}):
            cells, verdicts = [], []
            for n in sizes:
                r = by_key.get((method, threads, n))
                found = roofline_cells(n, r["median"] / 1e9, threads, streamed, lines, ceiling, refs) if r else None
                if found is None:
                    cells.append("–")
                    continue
                achieved, stream_share, random_share = found
                note = fits(n, WORKING[method], lines, refs)
                mark = "†" if note.startswith("arrays fit") else "‡" if note else ""
                cells.append(f"{stream_share + random_share:.0%} ({achieved:.1f} GB/s){mark}")
                target, met = verdict(n, threads, stream_share + random_share, note)
                if target != "–":
                    verdicts.append(f"{count(n)}: {met}")
            target = f"≥ {ROOFLINE_TARGET:.0%}" if verdicts else "–"
            out.append(f"| {method} | {threads} | {streamed:g} + {lines:g} | {ceiling} | " + " | ".join(cells)
                       + f" | {target} | {'; '.join(verdicts) or '–'} |")
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
    by_key = {(r["method"], int(r["params"]["PerState"]), threads_of(r)): r for r in rows}
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


def model_speedup(rows, out):
    """A single run on two citizen threads against one, with the target at 10^6 citizens per state and above."""
    by_key = {(r["method"], int(r["params"]["PerState"]), threads_of(r)): r for r in rows}
    sizes = [n for n in sorted({k[1] for k in by_key}) if ("Replicate", n, 1) in by_key and ("Replicate", n, 2) in by_key]
    if not sizes:
        return
    out.append("Single run on two citizen threads against one (the replicate's medians; per step leaves the build out):\n")
    out.append("| citizens per state | replicate, 2 vs 1 thread | per step, 2 vs 1 thread | target | |")
    out.append("|---:|---:|---:|---:|---|")
    for n in sizes:
        one, two = by_key[("Replicate", n, 1)], by_key[("Replicate", n, 2)]
        b1, b2 = by_key.get(("Build", n, 1)), by_key.get(("Build", n, 2))
        speed = one["median"] / two["median"]
        step = "–"
        if b1 and b2:
            step = f"{(one['median'] - b1['median']) / (two['median'] - b2['median']):.2f}x"
        target, met = ("–", "–") if n < 10 ** 6 else (f"≥ {SPEEDUP_TARGET}x", "met" if speed >= SPEEDUP_TARGET else "missed")
        out.append(f"| {n:,} | {speed:.2f}x | {step} | {target} | {met} |")
    out.append("")


def citizen_rules(rows, out):
    if not rows:
        return
    out.append("## Citizen rules one by one, small world\n")
    out.append("Each rule applied once to every citizen; per citizen is the median time over the number of citizens.\n")
    columns = sorted({(int(r["params"]["Citizens"]), threads_of(r)) for r in rows})
    out.append("| rule | " + " | ".join(f"{n:,} citizens, {t} thread{'s' if t > 1 else ''} | per citizen" for n, t in columns) + " |")
    out.append("|---|" + "---:|---:|" * len(columns))
    by_key = {(r["method"], int(r["params"]["Citizens"]), threads_of(r)): r for r in rows}
    for method in dict.fromkeys(r["method"] for r in rows):
        cells = []
        for n, t in columns:
            r = by_key.get((method, n, t))
            cells.append(f"{spread(r)} | {time(r['median'] / n)}" if r else "– | –")
        out.append(f"| {method} | " + " | ".join(cells) + " |")
    out.append("")


def small_runs(rows, out):
    if not rows:
        return
    out.append("## Small runs: India-Pakistan at 2,000 citizens per state (SmallRunBenchmarks)\n")
    out.append("Runs per second: the runs of one operation (every variant once: 6; particles: 20) over its median time. "
               "The performance issue states no target for it.\n")
    out.append("| case | parameters | time | runs per second | allocated |")
    out.append("|---|---|---:|---:|---:|")
    for r in rows:
        runs = SMALL_RUNS.get(r["method"], 1)
        params = ", ".join(f"{k} {v}" for k, v in r["params"].items()) or "–"
        allocated = f"{r['allocated'] / 1024 ** 2:.1f} MiB" if r["allocated"] is not None else "–"
        out.append(f"| {r['method']} ({runs} run{'s' if runs > 1 else ''}) | {params} | {spread(r)} | {runs / r['median'] * 1e9:.1f} | {allocated} |")
    out.append("")


def memory_targets(memory_runs, out):
    """Building a large population and what it holds, with the targets at 10^8 citizens."""
    if not memory_runs:
        return
    out.append("## Building and holding a large population (--memory)\n")
    out.append(f"Targets at 10^8 citizens: the network built in under {NETWORK_SECONDS_TARGET} s on two threads, and at most "
               f"{BYTES_PER_CITIZEN_TARGET} bytes per citizen in the state and network arrays (the peak working set "
               "includes the runtime and the build's temporary arrays).\n")
    out.append("| citizens | network | population drawn | network built (1 / 2 threads) | target | | state + network arrays per citizen | target | "
               "| managed heap growth per citizen | peak working set per citizen |")
    out.append("|---:|---|---:|---:|---:|---|---:|---:|---|---:|---:|")

    def value(run, key, unit):
        return f"{run[key]:.2f}{unit}" if key in run else "–"

    for (n, _), run in sorted(memory_runs.items()):
        large = n >= 10 ** 8
        net_target, net_met = ("–", "–")
        build = run.get("network_2_s", run.get("network_s"))
        if large and build is not None:
            net_target, net_met = f"< {NETWORK_SECONDS_TARGET} s", "met" if build < NETWORK_SECONDS_TARGET else "missed"
        built = value(run, "network_s", " s") + (f" / {run['network_2_s']:.2f} s" if "network_2_s" in run else "")
        arrays = run.get("state_bytes", 0) + run.get("network_bytes", 0) if "state_bytes" in run and "network_bytes" in run else None
        mem_target, mem_met = ("–", "–")
        if large and arrays is not None:
            mem_target, mem_met = f"≤ {BYTES_PER_CITIZEN_TARGET} B", "met" if arrays <= BYTES_PER_CITIZEN_TARGET else "missed"
        out.append(f"| {count(n)} | {run.get('kind', '?').replace('_', ' ')} | {value(run, 'population_s', ' s')} | {built} "
                   f"| {net_target} | {net_met} | {f'{arrays:.2f} B' if arrays is not None else '–'} | {mem_target} | {mem_met} "
                   f"| {value(run, 'heap_bytes', ' B')} | {value(run, 'peak_bytes', ' B')} |")
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
            citizens, _, kind = os.path.basename(path)[7:-4].partition("-")
            out.append(f"## Memory run ({citizens} citizens{', ' + kind + ' network' if kind else ''})\n")
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
    refs = load_references(artifacts)
    step_rows = load_benchmarks(artifacts, "CitizenStepBenchmarks")
    rule_rows = load_benchmarks(artifacts, "CitizenRulesBenchmarks")
    model_rows = load_benchmarks(artifacts, "ModelBenchmarks")
    memory_runs = load_memory_runs(artifacts)
    citizen_step(step_rows, refs, out)
    c_builds(refs, out)
    ceilings(refs, out)
    citizen_rules(rule_rows, out)
    roofline(step_rows, rule_rows, memory_runs, refs, out)
    model(model_rows, out)
    model_speedup(model_rows, out)
    small_runs(load_benchmarks(artifacts, "SmallRunBenchmarks"), out)
    ensemble(load_benchmarks(artifacts, "EnsembleBenchmarks"), out)
    cases(load_benchmarks(artifacts, "ScenarioLoadingBenchmarks"), out, "Scenario loading and validation")
    cases(load_benchmarks(artifacts, "ChartRenderingBenchmarks"), out, "Charts: the tension chart of India-Pakistan (20 replicates of every variant)")
    memory_targets(memory_runs, out)
    memory(artifacts, out)
    text = "\n".join(out) + "\n"
    with open(os.path.join(artifacts, "report.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
