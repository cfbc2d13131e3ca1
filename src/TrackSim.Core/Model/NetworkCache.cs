using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Randomness;

namespace TrackSim.Core.Model;

/// <summary>
/// Social networks shared by the runs of an ensemble. Every variant of replicate r starts its
/// citizens from the same seed (common random numbers), and the population takes exactly one
/// number from that stream whatever the variant's parameters, so the network is drawn from the
/// same generator state; where the network settings and sizes are also equal, the network is
/// the same, and building it once saves the time and, for large populations, the memory of
/// the copies. A <see cref="SocialNetwork"/> is never changed after it is built (influence and
/// turnover only read it), so runs on different threads can share one.
/// </summary>
/// <remarks>
/// The ensemble tells the cache beforehand how many runs will ask for each network; the cache
/// forgets a network when the last of them has taken it, so it stays alive only while those
/// runs hold it. The first run to ask builds it; the others wait for that build.
/// A cache that keeps networks (<see cref="NetworkCache(long)"/>) serves many ensembles instead,
/// whose runs are not known beforehand: the points of a sweep and the particles of a calibration
/// with common random numbers run with one seed, so their replicates draw the same networks
/// again and again. It keeps every network it builds, up to a number of bytes, and forgets the
/// oldest first beyond it.
/// </remarks>
internal sealed class NetworkCache
{
    private readonly Dictionary<NetworkKey, Entry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>The kept networks' keys, oldest first (a key may recur after it was forgotten).</summary>
    private readonly Queue<NetworkKey> _order = [];

    /// <summary>Bytes the kept networks may hold at most; 0 for an ensemble's cache, which keeps none.</summary>
    private readonly long _keepBytes;

    /// <summary>Bytes the kept networks hold.</summary>
    private long _keptBytes;

    /// <summary>
    /// The bound of a keeping cache that sweeps and calibrations use: 64 MiB, as much as the
    /// memory estimates allow for the runtime. It keeps about 380 networks of 2,000 citizens per
    /// state at mean degree 10 (about 170 KB each), so every replicate's network of a small
    /// calibration, and at 200,000 citizens per state three; it is a bound on memory, not a
    /// figure from measurement.
    /// </summary>
    public const long SharedKeepBytes = 64L * 1024 * 1024;

    /// <summary>Creates an ensemble's cache, which holds a network only until its announced runs have taken it.</summary>
    public NetworkCache()
    {
    }

    /// <summary>Creates a cache that keeps the networks it builds, for many ensembles, up to <paramref name="keepBytes"/> bytes of them.</summary>
    /// <param name="keepBytes">Bytes of networks kept at most (their CSR arrays), at least 1; a network larger than that is handed out without being kept.</param>
    public NetworkCache(long keepBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepBytes, 1);
        _keepBytes = keepBytes;
    }

    /// <summary>Whether the cache keeps networks beyond the runs announced (see <see cref="NetworkCache(long)"/>).</summary>
    public bool Keeps => _keepBytes > 0;

    /// <summary>What decides a run's network, compared exactly (doubles by their bits).</summary>
    /// <param name="Kind">Kind of network.</param>
    /// <param name="MeanDegree">Mean degree.</param>
    /// <param name="RewiringBits">Bits of the rewiring probability.</param>
    /// <param name="CrossBorderBits">Bits of the cross-border share.</param>
    /// <param name="PerState">Citizens per state.</param>
    /// <param name="StateCount">Number of states.</param>
    /// <param name="CitizenSeed">Seed of the citizens' stream; the network draws from it after the one number the population takes.</param>
    public readonly record struct NetworkKey(NetworkKind Kind, int MeanDegree, long RewiringBits, long CrossBorderBits, int PerState, int StateCount, ulong CitizenSeed);

    /// <summary>The key of the network of a run of <paramref name="scenario"/> whose citizens' stream has seed <paramref name="citizenSeed"/>.</summary>
    public static NetworkKey KeyOf(Scenario scenario, ulong citizenSeed)
    {
        var citizens = scenario.Citizens;
        var network = citizens.Network;
        return new NetworkKey(
            network.Kind,
            network.MeanDegree,
            BitConverter.DoubleToInt64Bits(network.Rewiring),
            BitConverter.DoubleToInt64Bits(network.CrossBorderShare),
            citizens.PerState,
            scenario.PublicCount,
            citizenSeed);
    }

    /// <summary>Notes that one more run will ask for the network with this key (nothing to note for a cache that keeps networks).</summary>
    public void Expect(NetworkKey key)
    {
        if (Keeps)
        {
            return;
        }

        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = entry = new Entry();
            }

            entry.Expected++;
        }
    }

    /// <summary>
    /// The network with this key: built from <paramref name="rng"/> by the first run to ask,
    /// then handed to the others. A key nobody announced is built without being kept, unless
    /// the cache keeps networks.
    /// </summary>
    /// <param name="key">The run's key (see <see cref="KeyOf"/>).</param>
    /// <param name="spec">The run's network settings, which the key describes.</param>
    /// <param name="rng">The run's citizen stream, just after the population's number.</param>
    public SocialNetwork Take(NetworkKey key, NetworkSpec spec, Xoshiro256 rng)
    {
        Entry? entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out entry))
            {
                if (!Keeps && --entry.Expected == 0)
                {
                    _entries.Remove(key);
                }
            }
            else if (Keeps)
            {
                _entries[key] = entry = new Entry();
                _order.Enqueue(key);
            }
        }

        if (entry is null)
        {
            return SocialNetwork.Build(spec, key.PerState, key.StateCount, rng);
        }

        SocialNetwork network;
        bool built = false;
        lock (entry.Gate)
        {
            if (entry.Network is null)
            {
                entry.Network = SocialNetwork.Build(spec, key.PerState, key.StateCount, rng);
                built = true;
            }

            network = entry.Network;
        }

        if (built && Keeps)
        {
            Account(key, entry, network);
        }

        return network;
    }

    /// <summary>Bytes the kept networks hold (for tests of the bound).</summary>
    internal long KeptBytes
    {
        get
        {
            lock (_gate)
            {
                return _keptBytes;
            }
        }
    }

    /// <summary>The bytes of a network's CSR arrays, what keeping it costs.</summary>
    internal static long BytesOf(SocialNetwork network) => sizeof(int) * ((long)network.Offsets.Length + network.Targets.Length);

    /// <summary>Counts a network just built by a keeping cache, then forgets the oldest networks until the kept ones fit.</summary>
    private void Account(NetworkKey key, Entry entry, SocialNetwork network)
    {
        lock (_gate)
        {
            // Forgotten while it was being built (the oldest of a full cache): nothing to count.
            if (!_entries.TryGetValue(key, out var current) || current != entry)
            {
                return;
            }

            entry.Bytes = BytesOf(network);
            _keptBytes += entry.Bytes;
            while (_keptBytes > _keepBytes && _order.TryDequeue(out var oldest))
            {
                if (_entries.Remove(oldest, out var gone))
                {
                    _keptBytes -= gone.Bytes;
                }
            }
        }
    }

    /// <summary>Networks held at the moment (for tests of the release).</summary>
    internal int Held
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count(e => e.Value.Network is not null);
            }
        }
    }

    private sealed class Entry
    {
        public Lock Gate { get; } = new();

        public int Expected { get; set; }

        public SocialNetwork? Network { get; set; }

        /// <summary>Bytes counted for the network in a keeping cache (0 until it is built).</summary>
        public long Bytes { get; set; }
    }
}
