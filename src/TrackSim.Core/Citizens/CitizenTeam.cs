using System.Runtime.ExceptionServices;

namespace TrackSim.Core.Citizens;

/// <summary>A piece of work over the citizens, cut into chunks that <see cref="CitizenTeam"/> hands out.</summary>
internal interface IChunkedWork
{
    /// <summary>Does chunk <paramref name="chunk"/>; may run on any thread, beside other chunks.</summary>
    void RunChunk(int chunk);
}

/// <summary>
/// Runs the chunks of one piece of citizen work (a round of influence, a pass of noise, media,
/// contact or outreach, the sums of the state summaries) on the calling thread and on up to
/// <c>threads - 1</c> thread-pool helpers, without allocating: the team and its helpers are
/// made once per calling thread and reused by every later piece. <c>Parallel.For</c> would
/// allocate its closure, options and tasks every time (about 1.8 kB).
/// </summary>
/// <remarks>
/// <para>
/// Chunks are handed out by an atomic counter, so a thread that was held up does less of the
/// work rather than leaving the others waiting. The caller works too and, once no chunk is
/// left, waits only for helpers that have started; a helper still in the pool's queue is
/// called off and, when the pool gets to it, returns without touching the work. So a busy
/// pool (an ensemble running replicates on every core) never makes a step wait for a thread.
/// </para>
/// <para>
/// Which thread does which chunk does not matter: a chunk's result depends only on its own
/// citizens (and, for influence, on the round's snapshot), and sums are kept per chunk and
/// added in chunk order by the caller afterwards.
/// </para>
/// </remarks>
internal sealed class CitizenTeam
{
    /// <summary>Citizens per chunk. Chunks are cut from the population alone, never from the number of threads.</summary>
    public const int ChunkSize = 16_384;

    /// <summary>Populations at least this large run on several threads unless told otherwise.</summary>
    public const int ParallelThreshold = 50_000;

    [ThreadStatic]
    private static CitizenTeam? t_team;

    private Helper[] _helpers = [];
    private IChunkedWork? _work;
    private int _chunks;
    private int _next;
    private ExceptionDispatchInfo? _failure;

    /// <summary>
    /// The threads a piece of work over <paramref name="count"/> citizens uses when asked for
    /// <paramref name="maxDegreeOfParallelism"/>: 0 means every core for a population of at
    /// least <see cref="ParallelThreshold"/> and one thread below it; any other number is taken as given.
    /// </summary>
    public static int ThreadsFor(int count, int maxDegreeOfParallelism) => maxDegreeOfParallelism switch
    {
        0 => count >= ParallelThreshold ? Environment.ProcessorCount : 1,
        _ => maxDegreeOfParallelism,
    };

    /// <summary>
    /// Runs chunks 0 to <paramref name="chunks"/> - 1 of <paramref name="work"/>: in order on the
    /// calling thread when one thread is asked or there is one chunk, else on up to
    /// <paramref name="threads"/> threads.
    /// </summary>
    public static void Run(IChunkedWork work, int chunks, int threads)
    {
        if (threads > 1 && chunks > 1)
        {
            (t_team ??= new CitizenTeam()).RunChunks(work, chunks, threads);
            return;
        }

        for (int chunk = 0; chunk < chunks; chunk++)
        {
            work.RunChunk(chunk);
        }
    }

    /// <summary>Runs every chunk of <paramref name="work"/> on this thread and up to <c>threads - 1</c> helpers.</summary>
    private void RunChunks(IChunkedWork work, int chunks, int threads)
    {
        _work = work;
        _chunks = chunks;
        _next = 0;
        _failure = null;
        int helpers = Math.Min(threads, chunks) - 1;
        if (_helpers.Length < helpers)
        {
            // Only when a step first asks for more threads than before.
            int had = _helpers.Length;
            Array.Resize(ref _helpers, helpers);
            for (int h = had; h < helpers; h++)
            {
                _helpers[h] = new Helper(this);
            }
        }

        try
        {
            // Queuing is a full fence, so a helper sees the fields set above.
            for (int h = 0; h < helpers; h++)
            {
                _helpers[h].TryQueue();
            }

            Work();
        }
        finally
        {
            for (int h = 0; h < helpers; h++)
            {
                _helpers[h].Finish();
            }

            // Drop the reference, so the team does not keep a finished population alive.
            _work = null;
        }

        _failure?.Throw();
    }

    /// <summary>Takes chunks until none is left.</summary>
    private void Work()
    {
        var work = _work!;
        int chunk;
        while ((chunk = Interlocked.Increment(ref _next) - 1) < _chunks)
        {
            work.RunChunk(chunk);
        }
    }

    /// <summary>Work of a helper: like the caller's, but a failure is handed back instead of ending the process.</summary>
    private void HelperWork()
    {
        try
        {
            Work();
        }
#pragma warning disable CA1031 // Rethrown on the calling thread by RunChunks; an exception left on a pool thread would end the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure ??= ExceptionDispatchInfo.Capture(e);
            Volatile.Write(ref _next, int.MaxValue / 2);
        }
    }

    /// <summary>A reusable work item that joins one piece of work.</summary>
    private sealed class Helper(CitizenTeam team) : IThreadPoolWorkItem
    {
        private const int Idle = 0;
        private const int Queued = 1;
        private const int Running = 2;
        private const int Done = 3;
        private const int CalledOff = 4;

        private int _state = Idle;
        private bool _queuedThisRound;

        /// <summary>Queues the helper unless an earlier piece's call-off is still waiting in the pool.</summary>
        public void TryQueue()
        {
            _queuedThisRound = Volatile.Read(ref _state) == Idle;
            if (_queuedThisRound)
            {
                Volatile.Write(ref _state, Queued);
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }

        /// <summary>Called by the calling thread once no chunk is left: calls the helper off or waits for it.</summary>
        public void Finish()
        {
            if (!_queuedThisRound || Interlocked.CompareExchange(ref _state, CalledOff, Queued) == Queued)
            {
                return;
            }

            // Running: it holds at most the chunks it has taken, so the wait is short.
            var spin = default(SpinWait);
            while (Volatile.Read(ref _state) != Done)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            Volatile.Write(ref _state, Idle);
        }

        public void Execute()
        {
            if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued)
            {
                // Called off: the work is over and may already have been followed by another.
                Volatile.Write(ref _state, Idle);
                return;
            }

            team.HelperWork();
            Volatile.Write(ref _state, Done);
        }
    }
}
