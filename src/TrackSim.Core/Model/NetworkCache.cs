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
/// </remarks>
internal sealed class NetworkCache
{
    private readonly Dictionary<NetworkKey, Entry> _entries = [];
    private readonly Lock _gate = new();

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

    /// <summary>Notes that one more run will ask for the network with this key.</summary>
    public void Expect(NetworkKey key)
    {
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
    /// then handed to the others. A key nobody announced is built without being kept.
    /// </summary>
    /// <param name="key">The run's key (see <see cref="KeyOf"/>).</param>
    /// <param name="spec">The run's network settings, which the key describes.</param>
    /// <param name="rng">The run's citizen stream, just after the population's number.</param>
    public SocialNetwork Take(NetworkKey key, NetworkSpec spec, Xoshiro256 rng)
    {
        Entry? entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out entry) && --entry.Expected == 0)
            {
                _entries.Remove(key);
            }
        }

        if (entry is null)
        {
            return SocialNetwork.Build(spec, key.PerState, key.StateCount, rng);
        }

        lock (entry.Gate)
        {
            return entry.Network ??= SocialNetwork.Build(spec, key.PerState, key.StateCount, rng);
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
    }
}
