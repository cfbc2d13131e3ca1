"""Reference kernel: one synchronous round of TrackSim's CIT-INFLUENCE rule (docs/MODEL.md,
section 7.8) in vectorised NumPy, as a Python modeller who knows NumPy would write it.

    python3 citizen_step.py DIR [SAMPLES [MIN_SECONDS]]

DIR holds what `TrackSim.Benchmarks --export DIR N KIND SEED` writes (see citizen_step.c). The
script steps the citizens once, compares the result with TrackSim's bit for bit, writes it to
numpy.f32, and times the step as the C reference does: each sample repeats it until MIN_SECONDS
have passed, every repetition reading the same starting trust and returning the new trust in a
new array, as vectorised NumPy code does.

What depends on the network and not on the round (each citizen's row start and degree, the
index term of the partner hash, the bounds of its state's block) is computed once when the
input is read, as a model running many rounds would; the round itself works in place on a few
arrays (`out=`), and reads the dormant flags only for the few partners abroad.

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


def mix_into(x, scratch):
    """SplitMix64's finaliser on a uint64 array, in place (scratch: a uint64 array of its size)."""
    x += GOLDEN
    np.right_shift(x, np.uint64(30), out=scratch)
    x ^= scratch
    x *= MIX1
    np.right_shift(x, np.uint64(27), out=scratch)
    x ^= scratch
    x *= MIX2
    np.right_shift(x, np.uint64(31), out=scratch)
    x ^= scratch
    return x


def mix_scalar(x):
    """The same on a Python int, for the per-round keys."""
    mask = (1 << 64) - 1
    x = (x + 0x9E3779B97F4A7C15) & mask
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
    return x ^ (x >> 31)


def combine_scalar(a, b):
    return mix_scalar(mix_scalar(a) ^ ((b * 0xD6E8FEB86659FD93) & ((1 << 64) - 1)))


def pick_into(h, n, scratch):
    """floor(h * n / 2^64) for uint64 h and uint64 0 <= n < 2^32, from 32-bit halves (exact), into h."""
    np.bitwise_and(h, LOW32, out=scratch)
    scratch *= n
    scratch >>= np.uint64(32)
    h >>= np.uint64(32)
    h *= n
    h += scratch
    h >>= np.uint64(32)
    return h


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
        # Indices as NumPy's own index type once, rather than converted by every gather.
        self.targets = load("targets.i32", "<i4", int(meta["tie_ends"])).astype(np.intp)
        self.flags = load("flags.u8", np.uint8, n)
        self.trust = load("trust.f32", "<f4", n)
        self.expected = load("expected.f32", "<f4", n)

        # What the network fixes for every round.
        self.start = self.offsets[:-1].astype(np.int64)
        self.degree = np.diff(self.offsets).astype(np.uint64)
        self.has_ties = self.degree > 0
        self.all_have_ties = bool(self.has_ties.all())
        if not self.all_have_ties:
            # A citizen without ties keeps its trust; it indexes a valid slot, masked out below.
            self.start[~self.has_ties] = 0
        self.index_term = np.arange(n, dtype=np.uint64) * INDEX_MULTIPLIER
        home = (np.arange(n, dtype=np.intp) // self.per_state) * self.per_state
        self.home_low, self.home_high = home, home + self.per_state


def step(inp, x):
    """One round: the new trust of every citizen from the snapshot x (a new array)."""
    h = np.bitwise_xor(inp.index_term, inp.round_key)
    scratch = np.empty_like(h)
    pick_into(mix_into(h, scratch), inp.degree, scratch)
    slot = h.view(np.int64)  # below 2^31, so the same value
    slot += inp.start
    # np.take is x[j] without fancy indexing's general machinery: the same values, faster.
    j = np.take(inp.targets, slot) if inp.targets.size else np.zeros(inp.count, np.intp)
    gap = np.take(x, j).astype(np.float64)
    xi = x.astype(np.float64)
    gap -= xi
    listens = np.abs(gap) < inp.epsilon
    if not inp.all_have_ties:
        listens &= inp.has_ties
    # Partners abroad are a few per cent: only their flags are read.
    abroad = np.flatnonzero((j < inp.home_low) | (j >= inp.home_high))
    dormant = ((inp.flags[abroad] | inp.flags[j[abroad]]) & DORMANT) != 0
    listens[abroad[dormant]] = False

    gap *= inp.mu
    gap += xi
    return np.where(listens, gap.astype(np.float32), x)


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
