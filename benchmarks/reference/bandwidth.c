/*
 * The machine's memory bandwidth, the ceiling of the citizen step once its arrays no longer fit
 * in cache: a sequential read of 512 MiB and a copy of 256 MiB, on one thread and on two.
 *
 *   gcc -O2 -pthread -o bandwidth bandwidth.c
 *   ./bandwidth            prints one line per thread count: bandwidth threads=T read_gbs=R copy_gbs=C
 *
 * Each figure is the best of five passes (the least disturbed by other work on the machine);
 * a copy counts the bytes read and the bytes written.
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
#define PASSES 5

struct part {
    const uint64_t *from;
    uint64_t *to;
    size_t words;
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

static double run(void *(*work)(void *), const uint64_t *from, uint64_t *to, size_t words, int threads)
{
    pthread_t id[2];
    struct part parts[2];
    double start = now();
    for (int t = 0; t < threads; t++) {
        size_t share = words / (size_t)threads;
        parts[t] = (struct part){from + (size_t)t * share, to ? to + (size_t)t * share : NULL, share, 0};
        pthread_create(&id[t], NULL, work, &parts[t]);
    }
    for (int t = 0; t < threads; t++)
        pthread_join(id[t], NULL);
    double seconds = now() - start;
    if (parts[0].sum == 1)
        puts(""); /* keeps the sums alive */
    return seconds;
}

int main(void)
{
    uint64_t *a = malloc(READ_BYTES), *b = malloc(COPY_BYTES);
    if (!a || !b) {
        fprintf(stderr, "bandwidth: out of memory\n");
        return 1;
    }
    memset(a, 1, READ_BYTES);
    memset(b, 2, COPY_BYTES);
    for (int threads = 1; threads <= 2; threads++) {
        double best_read = 1e9, best_copy = 1e9;
        for (int pass = 0; pass < PASSES; pass++) {
            double r = run(read_part, a, NULL, READ_BYTES / sizeof(uint64_t), threads);
            double c = run(copy_part, a, b, COPY_BYTES / sizeof(uint64_t), threads);
            best_read = r < best_read ? r : best_read;
            best_copy = c < best_copy ? c : best_copy;
        }
        printf("bandwidth threads=%d read_gbs=%.2f copy_gbs=%.2f\n", threads,
               (double)READ_BYTES / best_read / 1e9, 2.0 * (double)COPY_BYTES / best_copy / 1e9);
    }
    return 0;
}
