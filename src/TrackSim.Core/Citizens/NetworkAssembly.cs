namespace TrackSim.Core.Citizens;

/// <summary>
/// Assembles the compressed sparse rows of a <see cref="SocialNetwork"/> from an edge generator
/// split into fixed blocks, on several threads. Each block draws its random numbers from
/// counters keyed by the seed and the tie (never from a stream shared with other blocks), so a
/// block emits the same entries whichever thread runs it and in whatever order; rows are filled
/// with atomic reservations and then sorted, so the network is a function of the generator
/// alone and never of the thread count.
/// </summary>
/// <remarks>
/// Two passes over the generator (count the degrees, then write the entries) keep the peak
/// memory at the network itself: no edge list is ever held.
/// </remarks>
internal static class NetworkAssembly
{
    /// <summary>Rows at most this long are sorted by insertion (they are short and nearly sorted); longer ones by <see cref="MemoryExtensions.Sort{T}(Span{T})"/>.</summary>
    private const int InsertionSortLimit = 48;

    /// <summary>Scattered entries (to rows anywhere) held back and applied together.</summary>
    private const int Batch = 64;

    /// <summary>Rows handled by one task when summing, sorting and compacting.</summary>
    private const int RowBlock = 1 << 16;

    /// <summary>Receives the row entries a block of a generator emits.</summary>
    public interface IRowSink
    {
        /// <summary>Adds the entries <paramref name="entries"/> to the row of citizen <paramref name="u"/>.</summary>
        void AddRow(int u, ReadOnlySpan<int> entries);

        /// <summary>Adds one entry <paramref name="v"/> to the row of citizen <paramref name="u"/>.</summary>
        void Add(int u, int v);
    }

    /// <summary>
    /// Edges split into blocks. <see cref="Emit"/> must emit the same entries for the same block
    /// every time and from any thread, each undirected tie once in each of its two rows.
    /// </summary>
    public interface IBlockedEdges
    {
        /// <summary>Number of blocks.</summary>
        int BlockCount { get; }

        /// <summary>Emits the row entries of block <paramref name="block"/>.</summary>
        void Emit<TSink>(int block, ref TSink sink)
            where TSink : struct, IRowSink;
    }

    /// <summary>The number of threads <paramref name="threads"/> asks for: itself, or the processor count for 0 or less.</summary>
    public static int ThreadsFor(int threads) => threads > 0 ? threads : Environment.ProcessorCount;

    /// <summary>
    /// Builds the rows of <paramref name="count"/> citizens: counts the degrees, turns them into
    /// row ends by a prefix sum, fills each row from its end, then sorts each row and drops
    /// repeated ties. Returns the offsets (row starts, <paramref name="count"/> + 1 of them) and
    /// the tie ends, of which the first <c>offsets[count]</c> are used.
    /// </summary>
    public static (int[] Offsets, int[] Targets) Build<TEdges>(int count, TEdges edges, int threads)
        where TEdges : IBlockedEdges
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = ThreadsFor(threads) };
        int[] offsets = new int[count + 1];
        Parallel.For(0, edges.BlockCount, options, b =>
        {
            var counter = new DegreeCounter(offsets);
            edges.Emit(b, ref counter);
            counter.Flush();
        });

        long total = InclusivePrefixSum(offsets, count, options);
        if (total > Array.MaxLength)
        {
            throw new InvalidOperationException($"The network needs {total} tie ends, more than an array holds ({Array.MaxLength}).");
        }

        offsets[count] = (int)total;
        int[] targets = new int[total];

        // Each row is filled from its end downward, so offsets[i] ends at the start of row i.
        Parallel.For(0, edges.BlockCount, options, b =>
        {
            var filler = new RowFiller(offsets, targets);
            edges.Emit(b, ref filler);
            filler.Flush();
        });

        SortAndRemoveRepeats(offsets, targets, options);
        return (offsets, targets);
    }

    /// <summary>Replaces the first <paramref name="count"/> degrees by running sums, block by block; returns the total.</summary>
    private static long InclusivePrefixSum(int[] values, int count, ParallelOptions options)
    {
        int blocks = (count + RowBlock - 1) / RowBlock;
        long[] sums = new long[blocks];
        Parallel.For(0, blocks, options, b =>
        {
            long sum = 0;
            int end = Math.Min(count, (b + 1) * RowBlock);
            for (int i = b * RowBlock; i < end; i++)
            {
                sum += values[i];
            }

            sums[b] = sum;
        });

        long running = 0;
        for (int b = 0; b < blocks; b++)
        {
            long sum = sums[b];
            sums[b] = running;
            running += sum;
        }

        if (running > Array.MaxLength)
        {
            return running;
        }

        Parallel.For(0, blocks, options, b =>
        {
            int sum = (int)sums[b];
            int end = Math.Min(count, (b + 1) * RowBlock);
            for (int i = b * RowBlock; i < end; i++)
            {
                sum += values[i];
                values[i] = sum;
            }
        });
        return running;
    }

    /// <summary>
    /// Sorts each row and drops repeated ties (repeats are symmetric, so the rows stay
    /// symmetric). Each block of rows is compacted within its own stretch of the array in
    /// parallel; then, if anything was dropped, the blocks are moved down in order.
    /// </summary>
    private static void SortAndRemoveRepeats(int[] offsets, int[] targets, ParallelOptions options)
    {
        int count = offsets.Length - 1;
        int blocks = (count + RowBlock - 1) / RowBlock;

        // Block b's entries start at starts[b]; read before any block rewrites its offsets.
        int[] starts = new int[blocks + 1];
        for (int b = 0; b < blocks; b++)
        {
            starts[b] = offsets[b * RowBlock];
        }

        starts[blocks] = offsets[count];
        int[] kept = new int[blocks];
        Parallel.For(0, blocks, options, b =>
        {
            int first = b * RowBlock;
            int end = Math.Min(count, first + RowBlock);
            int write = starts[b];
            int readStart = starts[b];
            for (int i = first; i < end; i++)
            {
                int readEnd = i + 1 < end ? offsets[i + 1] : starts[b + 1];
                var row = targets.AsSpan(readStart, readEnd - readStart);
                SortRow(row);
                offsets[i] = write;
                int previous = -1;
                foreach (int j in row)
                {
                    if (j != previous)
                    {
                        targets[write++] = j;
                        previous = j;
                    }
                }

                readStart = readEnd;
            }

            kept[b] = write - starts[b];
        });

        // Rare: only repeated random ties are dropped. Moving down in block order never
        // overwrites entries not yet moved.
        int shift = 0;
        int[] shifts = new int[blocks];
        for (int b = 0; b < blocks; b++)
        {
            shifts[b] = shift;
            if (shift > 0)
            {
                Array.Copy(targets, starts[b], targets, starts[b] - shift, kept[b]);
            }

            shift += starts[b + 1] - starts[b] - kept[b];
        }

        if (shift > 0)
        {
            Parallel.For(0, blocks, options, b =>
            {
                int end = Math.Min(count, (b + 1) * RowBlock);
                for (int i = b * RowBlock; i < end; i++)
                {
                    offsets[i] -= shifts[b];
                }
            });
        }

        offsets[count] = starts[blocks] - shift;
    }

    /// <summary>Sorts one row in increasing order.</summary>
    private static void SortRow(Span<int> row)
    {
        if (row.Length > InsertionSortLimit)
        {
            row.Sort();
            return;
        }

        for (int i = 1; i < row.Length; i++)
        {
            int value = row[i];
            int j = i - 1;
            while (j >= 0 && row[j] > value)
            {
                row[j + 1] = row[j];
                j--;
            }

            row[j + 1] = value;
        }
    }

    /// <summary>
    /// Reads the row ends of a batch of scattered entries before the atomic operations on
    /// them: the plain reads run side by side, where each atomic operation would otherwise wait
    /// for its own cache miss (random rows are all misses in a large network).
    /// </summary>
    private static void Touch(int[] rows, int[] pending, int length)
    {
        for (int i = 0; i < length; i += 2)
        {
            // Volatile, so the compiler keeps a read whose value is not used.
            _ = Volatile.Read(ref rows[pending[i]]);
        }
    }

    /// <summary>Counts the entries of each row (atomically: blocks of other threads add to the same rows).</summary>
    private struct DegreeCounter(int[] degrees) : IRowSink
    {
        private readonly int[] _pending = new int[2 * Batch];
        private int _length;

        public readonly void AddRow(int u, ReadOnlySpan<int> entries) => Interlocked.Add(ref degrees[u], entries.Length);

        public void Add(int u, int v)
        {
            _pending[_length] = u;
            _pending[_length + 1] = v;
            _length += 2;
            if (_length == _pending.Length)
            {
                Flush();
            }
        }

        /// <summary>Counts the entries held back for a batch.</summary>
        public void Flush()
        {
            Touch(degrees, _pending, _length);
            for (int i = 0; i < _length; i += 2)
            {
                Interlocked.Increment(ref degrees[_pending[i]]);
            }

            _length = 0;
        }
    }

    /// <summary>Writes entries into their rows, reserving the places atomically from each row's end down.</summary>
    private struct RowFiller(int[] rowEnds, int[] targets) : IRowSink
    {
        private readonly int[] _pending = new int[2 * Batch];
        private int _length;

        public readonly void AddRow(int u, ReadOnlySpan<int> entries)
        {
            int start = Interlocked.Add(ref rowEnds[u], -entries.Length);
            entries.CopyTo(targets.AsSpan(start, entries.Length));
        }

        public void Add(int u, int v)
        {
            _pending[_length] = u;
            _pending[_length + 1] = v;
            _length += 2;
            if (_length == _pending.Length)
            {
                Flush();
            }
        }

        /// <summary>Writes the entries held back for a batch: first all reservations, then all writes, so the writes overlap too.</summary>
        public void Flush()
        {
            Touch(rowEnds, _pending, _length);
            for (int i = 0; i < _length; i += 2)
            {
                _pending[i] = Interlocked.Decrement(ref rowEnds[_pending[i]]);
            }

            for (int i = 0; i < _length; i += 2)
            {
                targets[_pending[i]] = _pending[i + 1];
            }

            _length = 0;
        }
    }
}
