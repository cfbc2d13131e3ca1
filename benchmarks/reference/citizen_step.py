"""Reference kernel: one synchronous round of TrackSim's CIT-INFLUENCE rule (docs/MODEL.md,
section 7.8) in vectorised NumPy, as a Python modeller would write it.

    python3 citizen_step.py DIR [SAMPLES [MIN_SECONDS]]

DIR holds what `TrackSim.Benchmarks --export DIR N KIND SEED` writes (see citizen_step.c). The
script steps the citizens once, compares the result with TrackSim's bit for bit, writes it to
numpy.f32, and times the step as the C reference does: each sample repeats it until MIN_SECONDS
have passed, every repetition reading the same starting trust and returning the new trust in a
new array, as vectorised NumPy code does.

The partner comes from the same SplitMix64 hash, done in uint64 arrays (NumPy's unsigned
arithmetic wraps modulo 2^64 like C's). The high half of the 64-bit product in Pick is built
from 32-bit halves. Trust stays float32 and the gap and the move are taken in float64 in
TrackSim's order, so the result is the same to the bit.
"""

import os
import sys
import time

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)
INDEX_MULTIPLIER = np.uint64(0xD6E8FEB86659FD93)
LOW32 = np.uint64(0xFFFFFFFF)
DORMANT = np.uint8(2)


def mix(x):
    """SplitMix64's finaliser on a uint64 array (a new array)."""
    x = x + GOLDEN
    x = (x ^ (x >> np.uint64(30))) * MIX1
    x = (x ^ (x >> np.uint64(27))) * MIX2
    return x ^ (x >> np.uint64(31))


def mix_scalar(x):
    """The same on a Python int, for the per-round keys."""
    mask = (1 << 64) - 1
    x = (x + 0x9E3779B97F4A7C15) & mask
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
    return x ^ (x >> 31)


def combine_scalar(a, b):
    return mix_scalar(mix_scalar(a) ^ ((b * 0xD6E8FEB86659FD93) & ((1 << 64) - 1)))


def pick(h, n):
    """floor(h * n / 2^64) for uint64 h and 0 <= n < 2^32, from 32-bit halves (exact)."""
    n = n.astype(np.uint64)
    low = (h & LOW32) * n
    high = (h >> np.uint64(32)) * n
    return (high + (low >> np.uint64(32))) >> np.uint64(32)


class Input:
    def __init__(self, folder):
        meta = {}
        with open(os.path.join(folder, "meta.txt"), encoding="ascii") as f:
            for line in f:
                if line.strip():
                    key, value = line.split()
                    meta[key] = value
        self.count = int(meta["count"])
        self.per_state = int(meta["per_state"])
        self.epsilon = float(meta["epsilon"])
        self.mu = float(meta["mu"])
        seed, step = int(meta["seed"]), int(meta["step"])
        self.round_key = np.uint64(mix_scalar(combine_scalar(combine_scalar(seed, step), 0)))

        def load(name, dtype, count):
            data = np.fromfile(os.path.join(folder, name), dtype=dtype)
            if data.size != count:
                sys.exit(f"citizen_step.py: {name} holds {data.size} values, meta.txt says {count}")
            return data

        n = self.count
        self.offsets = load("offsets.i32", "<i4", n + 1)
        self.targets = load("targets.i32", "<i4", int(meta["tie_ends"]))
        self.flags = load("flags.u8", np.uint8, n)
        self.trust = load("trust.f32", "<f4", n)
        self.expected = load("expected.f32", "<f4", n)


def step(inp, x):
    """One round: the new trust of every citizen from the snapshot x."""
    n = inp.count
    i = np.arange(n, dtype=np.uint64)
    h = mix(inp.round_key ^ (i * INDEX_MULTIPLIER))
    start = inp.offsets[:-1]
    degree = inp.offsets[1:] - start
    has_ties = degree > 0
    # A citizen without ties keeps its trust; index a valid slot and mask it out below.
    slot = start + pick(h, degree).astype(np.int64)
    j = inp.targets[np.where(has_ties, slot, 0)] if inp.targets.size else np.zeros(n, np.int64)
    state = np.arange(n) // inp.per_state
    abroad = (j // inp.per_state) != state
    dormant = ((inp.flags | inp.flags[j]) & DORMANT) != 0
    xi = x.astype(np.float64)
    gap = x[j].astype(np.float64) - xi
    listens = has_ties & ~(abroad & dormant) & (np.abs(gap) < inp.epsilon)
    moved = (xi + inp.mu * gap).astype(np.float32)
    return np.where(listens, moved, x)


def main():
    if not 2 <= len(sys.argv) <= 4:
        sys.exit("usage: citizen_step.py DIR [SAMPLES [MIN_SECONDS]]")
    folder = sys.argv[1]
    samples = max(1, int(sys.argv[2])) if len(sys.argv) > 2 else 5
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
    inp = Input(folder)

    x = inp.trust.copy()
    result = step(inp, x)
    differ = int(np.count_nonzero(result.view(np.uint32) != inp.expected.view(np.uint32)))
    worst = float(np.max(np.abs(result.astype(np.float64) - inp.expected.astype(np.float64))))
    result.astype("<f4").tofile(os.path.join(folder, "numpy.f32"))

    seconds = []
    for _ in range(samples):
        repeats = 0
        start = time.perf_counter()
        while True:
            result = step(inp, x)
            repeats += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        seconds.append(elapsed / repeats)
    seconds.sort()
    median = float(np.median(seconds))
    print(f"numpy count={inp.count} samples={samples} median_s={median:.9g} min_s={seconds[0]:.9g} "
          f"max_s={seconds[-1]:.9g} updates_per_s={inp.count / median:.6g} differ={differ} max_abs_diff={worst:.3g}")
    sys.exit(3 if differ else 0)


if __name__ == "__main__":
    main()
