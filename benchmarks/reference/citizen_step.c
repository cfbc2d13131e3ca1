/*
 * Reference kernel: one synchronous round of TrackSim's CIT-INFLUENCE rule (docs/MODEL.md,
 * section 7.8), written as a plain C loop over the same compressed-sparse-row arrays.
 *
 *   gcc -O2 -ffp-contract=off -o citizen_step citizen_step.c
 *   gcc -O3 -march=native -ffp-contract=off -o citizen_step citizen_step.c
 *   ./citizen_step DIR [SAMPLES [MIN_SECONDS [KERNELS]]]
 *
 * DIR holds what `TrackSim.Benchmarks --export DIR N KIND SEED` writes: meta.txt, offsets.i32,
 * targets.i32, flags.u8, trust.f32 and TrackSim's own result expected.f32. KERNELS is a
 * comma-separated list of the loops to time, `branchless` (the default) and `branchy`:
 *
 *   branchless  the loop as a C programmer who minds the machine writes it: the move is
 *               computed for every citizen and kept or dropped with a bit mask, so the
 *               confidence test, true for about half the partners in no pattern, is no branch;
 *   branchy     the same loop with `fabs(gap) < epsilon ? moved : xi`, which gcc compiles to a
 *               branch that is mispredicted about every other citizen (the yardstick before).
 *
 * For each kernel the program steps the citizens once, compares its result with TrackSim's bit
 * for bit (the first kernel's result is written to c.f32), and then times the step: each of
 * SAMPLES samples repeats it until MIN_SECONDS have passed and reports the mean time of one
 * step, one line per kernel. As in the .NET benchmark, every repetition reads the same
 * starting trust and writes the new trust into a second array (TrackSim swaps the two arrays
 * afterwards instead of copying), so both measure the round alone.
 *
 * The arithmetic is TrackSim's: trust stored as float, the gap and the move in double, the
 * result rounded to float. -ffp-contract=off keeps the compiler from fusing the multiply and
 * the add into one rounding (with -march=native the machine has FMA), which would change the
 * last bit now and then; the check against TrackSim's result catches it if anything else does.
 */
#define _POSIX_C_SOURCE 199309L
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DORMANT 2u
#define INDEX_MULTIPLIER 0xD6E8FEB86659FD93ULL

static uint64_t mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

static uint64_t combine(uint64_t a, uint64_t b)
{
    return mix(mix(a) ^ (b * INDEX_MULTIPLIER));
}

/* floor(h * n / 2^64): the high half of the 128-bit product. */
static int32_t pick(uint64_t h, int32_t n)
{
    return (int32_t)(((unsigned __int128)h * (uint64_t)n) >> 64);
}

struct input {
    int32_t count, per_state, step;
    int64_t tie_ends;
    double epsilon, mu;
    uint64_t seed;
    int32_t *offsets, *targets;
    uint8_t *flags;
    float *trust, *expected;
};

/* Shared by both kernels: the partner of citizen i in this round, or -1 when i keeps its trust
 * (no ties, or a dormant tie across the border). */
static inline int32_t partner(const struct input *in, int32_t i, int32_t block_start, uint64_t round_key)
{
    int32_t start = in->offsets[i];
    int32_t degree = in->offsets[i + 1] - start;
    if (degree == 0)
        return -1;
    uint64_t h = mix(round_key ^ ((uint64_t)i * INDEX_MULTIPLIER));
    int32_t j = in->targets[start + pick(h, degree)];
    /* A few per cent of partners are abroad, so this branch is almost never taken. */
    if ((uint32_t)(j - block_start) >= (uint32_t)in->per_state && ((in->flags[i] | in->flags[j]) & DORMANT) != 0)
        return -1;
    return j;
}

/* One round, branchy: next[i] from the snapshot x, for every citizen. */
static void step_branchy(const struct input *in, const float *x, float *next, uint64_t round_key)
{
    const double epsilon = in->epsilon, mu = in->mu;
    const int32_t n = in->count, per_state = in->per_state;
    int32_t block_start = 0;
    for (int32_t i = 0; i < n; i++) {
        if (i - block_start == per_state)
            block_start = i;
        float xi = x[i];
        int32_t j = partner(in, i, block_start, round_key);
        if (j < 0) {
            next[i] = xi;
            continue;
        }
        double gap = (double)x[j] - xi;
        next[i] = fabs(gap) < epsilon ? (float)(xi + mu * gap) : xi;
    }
}

static inline uint32_t bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static inline float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* One round, branchless: the move is computed for every citizen with a partner and chosen
 * with a mask of all ones or all zeros. A bitwise choice, so even a -0 is kept as it was. */
static void step_branchless(const struct input *in, const float *x, float *next, uint64_t round_key)
{
    const double epsilon = in->epsilon, mu = in->mu;
    const int32_t n = in->count, per_state = in->per_state;
    int32_t block_start = 0;
    for (int32_t i = 0; i < n; i++) {
        if (i - block_start == per_state)
            block_start = i;
        float xi = x[i];
        int32_t j = partner(in, i, block_start, round_key);
        if (j < 0) {
            next[i] = xi;
            continue;
        }
        double gap = (double)x[j] - xi;
        float moved = (float)(xi + mu * gap);
        uint32_t keep = 0u - (uint32_t)(fabs(gap) < epsilon);
        next[i] = from_bits((bits(moved) & keep) | (bits(xi) & ~keep));
    }
}

typedef void (*kernel)(const struct input *, const float *, float *, uint64_t);

static void die(const char *what, const char *name)
{
    fprintf(stderr, "citizen_step: %s %s\n", what, name);
    exit(1);
}

static void *read_file(const char *dir, const char *name, size_t bytes)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open", path);
    void *data = malloc(bytes ? bytes : 1);
    if (!data)
        die("out of memory reading", path);
    if (fread(data, 1, bytes, f) != bytes)
        die("short file", path);
    if (fgetc(f) != EOF)
        die("file longer than meta.txt says:", path);
    fclose(f);
    return data;
}

static void read_meta(const char *dir, struct input *in)
{
    char path[4096], key[64], value[128];
    snprintf(path, sizeof path, "%s/meta.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    while (fscanf(f, "%63s %127s", key, value) == 2) {
        if (!strcmp(key, "count")) in->count = (int32_t)strtol(value, NULL, 10);
        else if (!strcmp(key, "per_state")) in->per_state = (int32_t)strtol(value, NULL, 10);
        else if (!strcmp(key, "tie_ends")) in->tie_ends = strtoll(value, NULL, 10);
        else if (!strcmp(key, "epsilon")) in->epsilon = strtod(value, NULL);
        else if (!strcmp(key, "mu")) in->mu = strtod(value, NULL);
        else if (!strcmp(key, "seed")) in->seed = strtoull(value, NULL, 10);
        else if (!strcmp(key, "step")) in->step = (int32_t)strtol(value, NULL, 10);
    }
    fclose(f);
    if (in->count < 2 || in->per_state < 1)
        die("bad meta.txt in", dir);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Times one kernel as the header says and prints its line; returns the citizens that differ. */
static size_t run(const char *name, kernel step, const struct input *in, float *x, float *next,
                  uint64_t round_key, int samples, double min_seconds, const char *save)
{
    size_t n = (size_t)in->count;
    memcpy(x, in->trust, n * sizeof(float));
    step(in, x, next, round_key);
    size_t differ = 0;
    for (size_t i = 0; i < n; i++)
        differ += memcmp(&next[i], &in->expected[i], sizeof(float)) != 0;
    if (save) {
        FILE *out = fopen(save, "wb");
        if (!out || fwrite(next, sizeof(float), n, out) != n || fclose(out) != 0)
            die("cannot write", save);
    }

    double *seconds = malloc((size_t)samples * sizeof(double));
    if (!seconds)
        die("out of memory for", "the samples");
    for (int s = 0; s < samples; s++) {
        long repeats = 0;
        double start = now(), elapsed;
        do {
            step(in, x, next, round_key);
            repeats++;
            elapsed = now() - start;
        } while (elapsed < min_seconds);
        seconds[s] = elapsed / (double)repeats;
    }
    /* The timed steps' result is read once, so no compiler could drop them as unused. */
    if (differ == 0 && memcmp(next, in->expected, n * sizeof(float)) != 0)
        die("the timed steps gave a different result from", "the first one");
    qsort(seconds, (size_t)samples, sizeof(double), by_value);
    double median = samples % 2 ? seconds[samples / 2] : 0.5 * (seconds[samples / 2 - 1] + seconds[samples / 2]);
    printf("c kernel=%s count=%d samples=%d median_s=%.9g min_s=%.9g max_s=%.9g updates_per_s=%.6g differ=%zu\n",
           name, in->count, samples, median, seconds[0], seconds[samples - 1], (double)in->count / median, differ);
    fflush(stdout);
    free(seconds);
    return differ;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 5) {
        fprintf(stderr, "usage: citizen_step DIR [SAMPLES [MIN_SECONDS [branchless,branchy]]]\n");
        return 2;
    }
    const char *dir = argv[1];
    int samples = argc > 2 ? atoi(argv[2]) : 15;
    double min_seconds = argc > 3 ? atof(argv[3]) : 0.25;
    char kernels[256];
    snprintf(kernels, sizeof kernels, "%s", argc > 4 ? argv[4] : "branchless");
    if (samples < 1)
        samples = 1;

    struct input in = {0};
    read_meta(dir, &in);
    size_t n = (size_t)in.count;
    in.offsets = read_file(dir, "offsets.i32", (n + 1) * sizeof(int32_t));
    in.targets = read_file(dir, "targets.i32", (size_t)in.tie_ends * sizeof(int32_t));
    in.flags = read_file(dir, "flags.u8", n);
    in.trust = read_file(dir, "trust.f32", n * sizeof(float));
    in.expected = read_file(dir, "expected.f32", n * sizeof(float));

    /* Rounds as TrackSim derives them: Mix(Combine(Combine(seed, step), round)) for round 0. */
    uint64_t round_key = mix(combine(combine(in.seed, (uint64_t)in.step), 0));
    float *x = malloc(n * sizeof(float)), *next = malloc(n * sizeof(float));
    if (!x || !next)
        die("out of memory for", "the trust arrays");

    char path[4096];
    snprintf(path, sizeof path, "%s/c.f32", dir);
    const char *save = path;
    size_t differ = 0;
    for (char *name = strtok(kernels, ","); name; name = strtok(NULL, ",")) {
        kernel step = !strcmp(name, "branchless") ? step_branchless : !strcmp(name, "branchy") ? step_branchy : NULL;
        if (!step)
            die("unknown kernel (branchless or branchy):", name);
        differ += run(name, step, &in, x, next, round_key, samples, min_seconds, save);
        save = NULL;
    }
    return differ ? 3 : 0;
}
