using System.Runtime.ExceptionServices;

namespace TrackSim.Core.Citizens;

/// <summary>
/// Runs the chunks of one influence round on the calling thread and on up to
/// <c>threads - 1</c> thread-pool helpers, without allocating: the team and its helpers are
/// made once per calling thread and reused by every later round. <c>Parallel.For</c> would
/// allocate its closure, options and tasks in every round (about 1.8 kB).
/// </summary>
/// <remarks>
/// <para>
/// Chunks are handed out by an atomic counter, so a thread that was held up does less of the
/// work rather than leaving the others waiting. The caller works too and, once no chunk is
/// left, waits only for helpers that have started; a helper still in the pool's queue is
/// called off and, when the pool gets to it, returns without touching the round. So a busy
/// pool (an ensemble running replicates on every core) never makes a round wait for a thread.
/// </para>
/// <para>
/// Which thread computes which citizen does not matter: each citizen's result depends only on
/// the snapshot and its own hash.
/// </para>
/// </remarks>
internal sealed class InfluenceTeam
{
    [ThreadStatic]
    private static InfluenceTeam? t_team;

    private Helper[] _helpers = [];
    private InfluencePass _pass;
    private float[] _source = [];
    private float[] _target = [];
    private ulong _roundKey;
    private int _round;
    private int _chunkSize;
    private int _chunks;
    private int _next;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The team of the calling thread.</summary>
    public static InfluenceTeam ForThisThread() => t_team ??= new InfluenceTeam();

    /// <summary>Runs round <paramref name="round"/> over every citizen of <paramref name="pass"/> in chunks of <paramref name="chunkSize"/>.</summary>
    public void RunRound(in InfluencePass pass, float[] source, float[] target, ulong roundKey, int round, int threads, int chunkSize)
    {
        _pass = pass;
        _source = source;
        _target = target;
        _roundKey = roundKey;
        _round = round;
        _chunkSize = chunkSize;
        _chunks = (pass.Count + chunkSize - 1) / chunkSize;
        _next = 0;
        _failure = null;
        int helpers = Math.Min(threads, _chunks) - 1;
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

            // Drop the references, so the team does not keep a finished population alive.
            _pass = default;
            _source = [];
            _target = [];
        }

        _failure?.Throw();
    }

    /// <summary>Takes chunks until none is left.</summary>
    private void Work()
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _next) - 1) < _chunks)
        {
            int from = chunk * _chunkSize;
            _pass.Run(_source, _target, _roundKey, _round, from, Math.Min(from + _chunkSize, _pass.Count));
        }
    }

    /// <summary>Work of a helper: like the caller's, but a failure is handed back instead of ending the process.</summary>
    private void HelperWork()
    {
        try
        {
            Work();
        }
#pragma warning disable CA1031 // Rethrown on the calling thread by RunRound; an exception left on a pool thread would end the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure ??= ExceptionDispatchInfo.Capture(e);
            Volatile.Write(ref _next, int.MaxValue / 2);
        }
    }

    /// <summary>A reusable work item that joins one round.</summary>
    private sealed class Helper(InfluenceTeam team) : IThreadPoolWorkItem
    {
        private const int Idle = 0;
        private const int Queued = 1;
        private const int Running = 2;
        private const int Done = 3;
        private const int CalledOff = 4;

        private int _state = Idle;
        private bool _queuedThisRound;

        /// <summary>Queues the helper unless an earlier round's call-off is still waiting in the pool.</summary>
        public void TryQueue()
        {
            _queuedThisRound = Volatile.Read(ref _state) == Idle;
            if (_queuedThisRound)
            {
                Volatile.Write(ref _state, Queued);
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }

        /// <summary>Called by the round's thread once no chunk is left: calls the helper off or waits for it.</summary>
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
                // Called off: the round is over and may already have been followed by another.
                Volatile.Write(ref _state, Idle);
                return;
            }

            team.HelperWork();
            Volatile.Write(ref _state, Done);
        }
    }
}
