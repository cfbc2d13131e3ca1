namespace TrackSim.Server;

/// <summary>
/// The runs of the server: a few under way, a bounded line of runs waiting their turn in the order
/// they came, and at most one run under way or waiting per client, so one student clicking Run
/// again and again holds one place and cannot fill the line for the class.
/// </summary>
internal sealed class RunQueue
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiting = new();
    private readonly HashSet<string> _clients = new(StringComparer.Ordinal);
    private int _running;

    /// <summary>Creates a queue running at most <paramref name="maxRunning"/> runs with at most <paramref name="maxWaiting"/> waiting.</summary>
    public RunQueue(int maxRunning, int maxWaiting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunning, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWaiting);
        MaxRunning = maxRunning;
        MaxWaiting = maxWaiting;
    }

    /// <summary>Runs under way at once.</summary>
    public int MaxRunning { get; }

    /// <summary>Runs that may wait for a place; a further run is refused.</summary>
    public int MaxWaiting { get; }

    /// <summary>Runs under way now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Runs waiting now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Asks for a place for <paramref name="client"/>'s run. Unless refused, the entry's
    /// <see cref="QueueEntry.Place"/> completes with the place (dispose it when the run ends) once a
    /// run may start, at once when one may; it is cancelled, and the run leaves the line, when
    /// <paramref name="cancellationToken"/> is cancelled first.
    /// </summary>
    public QueueEntry Enter(string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        lock (_gate)
        {
            if (_clients.Contains(client))
            {
                return new QueueEntry(QueueRefusal.ClientBusy, null);
            }

            if (_running < MaxRunning)
            {
                _running++;
                _clients.Add(client);
                return new QueueEntry(QueueRefusal.None, Task.FromResult<IDisposable>(new Place(this, client)));
            }

            if (_waiting.Count >= MaxWaiting)
            {
                return new QueueEntry(QueueRefusal.Full, null);
            }

            var waiter = new Waiter(client);
            var node = _waiting.AddLast(waiter);
            _clients.Add(client);

            // Registered inside the lock: a token already cancelled runs this at once, which is safe
            // because the lock is re-entrant on this thread.
            waiter.Registration = cancellationToken.Register(() => Leave(node));
            return new QueueEntry(QueueRefusal.None, waiter.Given.Task);
        }
    }

    // A waiting run whose client left: out of the line, and its client may ask again.
    private void Leave(LinkedListNode<Waiter> node)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                // It was given a place just before; the run starts and stops on the same token.
                return;
            }

            _waiting.Remove(node);
            _clients.Remove(node.Value.Client);
        }

        node.Value.Given.TrySetCanceled();
    }

    // A run ended: its place goes to the first waiting run, or is freed.
    private void Release(string client)
    {
        Waiter? next = null;
        lock (_gate)
        {
            _clients.Remove(client);
            if (_waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                next = first.Value;
            }
            else
            {
                _running--;
            }
        }

        if (next is not null)
        {
            next.Registration.Dispose();
            next.Given.TrySetResult(new Place(this, next.Client));
        }
    }

    private sealed class Waiter(string client)
    {
        public string Client { get; } = client;

        // Continuations run on the thread pool, not inside Release or Leave.
        public TaskCompletionSource<IDisposable> Given { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    // A place for one run; disposing it (once) passes it on.
    private sealed class Place(RunQueue queue, string client) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                queue.Release(client);
            }
        }
    }
}

/// <summary>Why a run was not let into the queue.</summary>
internal enum QueueRefusal
{
    /// <summary>It was let in.</summary>
    None,

    /// <summary>The client already has a run under way or waiting.</summary>
    ClientBusy,

    /// <summary>Every place under way and in the line is taken.</summary>
    Full,
}

/// <summary>The answer of <see cref="RunQueue.Enter"/>: a refusal, or the place to wait for.</summary>
/// <param name="Refusal">Why the run was not let in, or <see cref="QueueRefusal.None"/>.</param>
/// <param name="Place">Completes with the place once the run may start; null when refused.</param>
internal readonly record struct QueueEntry(QueueRefusal Refusal, Task<IDisposable>? Place);
