/*
 * The machine's memory ceilings, against which benchmarks/reference/report.py sets the citizen
 * rules (the roofline): what one and two threads can move once the arrays no longer fit in
 * cache, streaming and at random.
 *
 *   gcc -O2 -pthread -o bandwidth bandwidth.c
 *   ./bandwidth
 *
 * prints one line for the last-level cache and one per thread count:
 *
 *   cache l3_bytes=B
 *   bandwidth threads=T read_gbs=R copy_gbs=C update_gbs=U random_gbs=G random_mlines_s=L
 *
 *   read    a sequential read of 512 MiB (the summaries' pattern);
 *   copy    memcpy of 256 MiB, counting the bytes read and the bytes written;
 *   update  a read and a write back of every word of 256 MiB in place, counting both (the
 *           pattern of the element-wise rules: noise, media, contact, outreach);
 *   random  independent 4-byte reads at random places in the 512 MiB array, 16 times the
 *           size of a 32 MiB L3: each is a cache miss that brings a 64-byte line, so the
 *           ceiling is given in lines per second and in GB/s of lines (the pattern of the
 *           influence round's reads of partners' trust). The addresses come from a
 *           multiplicative hash of a counter, not from the data read, so the reads do not wait
 *           on one another and the core keeps as many in flight as it can. The array lies in
 *           4 KiB pages (malloc, no huge pages asked for), as .NET's arrays do, so most reads
 *           also miss the address-translation cache, as the influence round's do.
 *
 * Each figure is the best of five passes (the least disturbed by other work on the machine).
 * Two threads split the work in halves; they are started for every pass.
 */
#define _POSIX_C_SOURCE 199309L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define READ_BYTES ((size_t)512 << 20)
#define COPY_BYTES ((size_t)256 << 20)
#define RANDOM_READS ((size_t)1 << 24)
#define RANDOM_SLOTS_LOG2 27 /* 2^27 four-byte slots: the 512 MiB of the read array */
#define PASSES 5

struct part {
    const uint64_t *from;
    uint64_t *to;
    size_t words; /* words to read, copy or update; for random reads, the reads */
    size_t first; /* the first counter of the random reads */
    uint64_t sum;
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void *read_part(void *arg)
{
    struct part *p = arg;
    /* Four sums, so the additions do not wait on one another and only memory sets the pace. */
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (size_t i = 0; i + 3 < p->words; i += 4) {
        s0 += p->from[i];
        s1 += p->from[i + 1];
        s2 += p->from[i + 2];
        s3 += p->from[i + 3];
    }
    p->sum = s0 + s1 + s2 + s3;
    return NULL;
}

static void *copy_part(void *arg)
{
    struct part *p = arg;
    memcpy(p->to, p->from, p->words * sizeof(uint64_t));
    return NULL;
}

static void *update_part(void *arg)
{
    struct part *p = arg;
    for (size_t i = 0; i < p->words; i++)
        p->to[i] = p->to[i] * 3 + 1;
    return NULL;
}

static void *random_part(void *arg)
{
    struct part *p = arg;
    const uint32_t *slots = (const uint32_t *)p->from;
    uint64_t s0 = 0, s1 = 0;
    size_t end = p->first + p->words;
    /* Fibonacci hashing: the top bits of counter * 2^64/phi scatter consecutive counters over
     * the whole array (a new line, and nearly always a new page, every read). */
    for (size_t c = p->first; c + 1 < end; c += 2) {
        s0 += slots[(c * 0x9E3779B97F4A7C15ULL) >> (64 - RANDOM_SLOTS_LOG2)];
        s1 += slots[((c + 1) * 0x9E3779B97F4A7C15ULL) >> (64 - RANDOM_SLOTS_LOG2)];
    }
    p->sum = s0 + s1;
    return NULL;
}

static double run(void *(*work)(void *), const uint64_t *from, uint64_t *to, size_t words, int threads)
{
    pthread_t id[2];
    struct part parts[2];
    double start = now();
    for (int t = 0; t < threads; t++) {
        size_t share = words / (size_t)threads;
        if (work == random_part)
            parts[t] = (struct part){from, NULL, share, (size_t)t * share, 0};
        else
            parts[t] = (struct part){from ? from + (size_t)t * share : NULL, to ? to + (size_t)t * share : NULL, share, 0, 0};
        pthread_create(&id[t], NULL, work, &parts[t]);
    }
    for (int t = 0; t < threads; t++)
        pthread_join(id[t], NULL);
    double seconds = now() - start;
    if (parts[0].sum == 1)
        puts(""); /* keeps the sums alive */
    return seconds;
}

/* The last-level cache's size from sysfs (sysconf's figure is wrong under some hypervisors); 0 if unknown. */
static long l3_bytes(void)
{
    FILE *f = fopen("/sys/devices/system/cpu/cpu0/cache/index3/size", "r");
    long size = 0;
    char unit = 0;
    if (f) {
        if (fscanf(f, "%ld%c", &size, &unit) < 1)
            size = 0;
        fclose(f);
    }
    return unit == 'K' ? size << 10 : unit == 'M' ? size << 20 : size;
}

static double least(double a, double b) { return a < b ? a : b; }

int main(void)
{
    uint64_t *a = malloc(READ_BYTES), *b = malloc(COPY_BYTES);
    if (!a || !b) {
        fprintf(stderr, "bandwidth: out of memory\n");
        return 1;
    }
    memset(a, 1, READ_BYTES);
    memset(b, 2, COPY_BYTES);
    printf("cache l3_bytes=%ld\n", l3_bytes());
    for (int threads = 1; threads <= 2; threads++) {
        double best_read = 1e9, best_copy = 1e9, best_update = 1e9, best_random = 1e9;
        for (int pass = 0; pass < PASSES; pass++) {
            best_read = least(best_read, run(read_part, a, NULL, READ_BYTES / sizeof(uint64_t), threads));
            best_copy = least(best_copy, run(copy_part, a, b, COPY_BYTES / sizeof(uint64_t), threads));
            best_update = least(best_update, run(update_part, NULL, b, COPY_BYTES / sizeof(uint64_t), threads));
            best_random = least(best_random, run(random_part, a, NULL, RANDOM_READS, threads));
        }
        double lines = (double)RANDOM_READS / best_random;
        printf("bandwidth threads=%d read_gbs=%.2f copy_gbs=%.2f update_gbs=%.2f random_gbs=%.2f random_mlines_s=%.1f\n", threads,
               (double)READ_BYTES / best_read / 1e9, 2.0 * (double)COPY_BYTES / best_copy / 1e9,
               2.0 * (double)COPY_BYTES / best_update / 1e9, 64.0 * lines / 1e9, lines / 1e6);
        fflush(stdout);
    }
    return 0;
}
