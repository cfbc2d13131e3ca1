using System.Collections.Immutable;
using TrackSim.Core.Citizens;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;

namespace TrackSim.Core.Recording;

/// <summary>
/// Counts, after every step, the meetings each pair of participants of an initiative attended
/// together, and takes the snapshots <see cref="NetworkOutput"/> asks for: the participants and
/// the pairs who have met, and the cross-border ties of the citizens, aggregated per pair of
/// states with a deterministic sample. It only reads the world.
/// </summary>
internal sealed class NetworkRecorder
{
    private readonly ImmutableArray<int> _points;
    private readonly int _tieSample;
    private readonly int[][,] _together;
    private readonly int[][] _attended;
    private readonly List<NetworkSnapshot> _snapshots = [];

    /// <param name="world">The run's world.</param>
    /// <param name="output">When to take snapshots.</param>
    /// <param name="tieSample">Cross-border ties sampled at most per snapshot.</param>
    public NetworkRecorder(World world, NetworkOutput output, int tieSample = NetworkOutput.DefaultTieSample)
    {
        _points = output.Points(world.Calendar);
        _tieSample = tieSample;
        _together = [.. world.Initiatives.Select(i => new int[i.Participants.Length, i.Participants.Length])];
        _attended = [.. world.Initiatives.Select(i => new int[i.Participants.Length])];
    }

    /// <summary>Counts the meetings held in the step just run: who attended them with whom.</summary>
    public void Observe(World world)
    {
        for (int i = 0; i < world.Initiatives.Length; i++)
        {
            var initiative = world.Initiatives[i];
            if (!initiative.MetThisStep)
            {
                continue;
            }

            var present = initiative.Present;
            for (int p = 0; p < present.Length; p++)
            {
                if (!present[p])
                {
                    continue;
                }

                _attended[i][p]++;
                for (int q = p + 1; q < present.Length; q++)
                {
                    if (present[q])
                    {
                        _together[i][p, q]++;
                    }
                }
            }
        }
    }

    /// <summary>Takes the snapshot of recorded point <paramref name="point"/> when the output asks for one.</summary>
    public void Record(World world, int point)
    {
        if (!_points.Contains(point))
        {
            return;
        }

        var date = world.Calendar.DateOf(point);
        var nodes = ImmutableArray.CreateBuilder<Track2Node>();
        var edges = ImmutableArray.CreateBuilder<Track2Edge>();
        for (int i = 0; i < world.Initiatives.Length; i++)
        {
            var initiative = world.Initiatives[i];
            string id = initiative.Spec.Id;
            var participants = initiative.Participants;
            for (int p = 0; p < participants.Length; p++)
            {
                var participant = participants[p];
                string side = participant.OfThirdParty ? world.ThirdParties[participant.ThirdParty].Spec.Id : world.States[participant.State].Id;
                nodes.Add(new Track2Node(id, p, side, participant.Role.Id, participant.OfThirdParty, participant.IsMember(date), _attended[i][p]));
                for (int q = p + 1; q < participants.Length; q++)
                {
                    if (_together[i][p, q] > 0)
                    {
                        edges.Add(new Track2Edge(id, p, q, _together[i][p, q], initiative.Trust[p, q], initiative.Trust[q, p]));
                    }
                }
            }
        }

        var (pairs, stride, sample) = CitizenTies(world);
        _snapshots.Add(new NetworkSnapshot(point, date, nodes.ToImmutable(), edges.ToImmutable(), pairs, stride, sample));
    }

    /// <summary>Every snapshot taken so far, in point order.</summary>
    public ImmutableArray<NetworkSnapshot> Snapshots => [.. _snapshots];

    /// <summary>
    /// The cross-border ties per pair of states, and every <c>stride</c>-th of them in citizen
    /// order (each tie once, from its lower citizen), the stride chosen so that at most the
    /// sample size are taken: a sample that draws nothing and is the same in every run of a network.
    /// </summary>
    private (ImmutableArray<CitizenTiePair> Pairs, int Stride, ImmutableArray<CitizenTie> Sample) CitizenTies(World world)
    {
        var population = world.Citizens.Population;
        var network = world.Citizens.Network;
        int n = population.StateCount;
        var ties = new long[n, n];
        var active = new long[n, n];
        const byte dormant = (byte)CitizenTraits.CrossBorderDormant;
        long total = 0;
        if (!network.IsWellMixed)
        {
            for (int a = 0; a < population.Count; a++)
            {
                int sa = population.StateOf(a);
                for (int e = network.Offsets[a]; e < network.Offsets[a + 1]; e++)
                {
                    int b = network.Targets[e];
                    int sb = population.StateOf(b);
                    if (b > a && sb != sa)
                    {
                        ties[sa, sb]++;
                        total++;
                        if (((population.Flags[a] | population.Flags[b]) & dormant) == 0)
                        {
                            active[sa, sb]++;
                        }
                    }
                }
            }
        }

        var pairs = ImmutableArray.CreateBuilder<CitizenTiePair>();
        for (int s = 0; s < n; s++)
        {
            for (int t = s + 1; t < n; t++)
            {
                pairs.Add(new CitizenTiePair(world.States[s].Id, world.States[t].Id, ties[s, t], active[s, t]));
            }
        }

        int stride = (int)Math.Max(1, (total + _tieSample - 1) / Math.Max(1, _tieSample));
        var sample = ImmutableArray.CreateBuilder<CitizenTie>();
        long index = 0;
        for (int a = 0; a < population.Count && total > 0; a++)
        {
            int sa = population.StateOf(a);
            for (int e = network.Offsets[a]; e < network.Offsets[a + 1]; e++)
            {
                int b = network.Targets[e];
                int sb = population.StateOf(b);
                if (b <= a || sb == sa || index++ % stride != 0)
                {
                    continue;
                }

                bool isActive = ((population.Flags[a] | population.Flags[b]) & dormant) == 0;
                sample.Add(new CitizenTie(a, world.States[sa].Id, TrustToward(population, a, sb), b, world.States[sb].Id, TrustToward(population, b, sa), isActive));
            }
        }

        return (pairs.ToImmutable(), stride, sample.ToImmutable());
    }

    private static double TrustToward(CitizenPopulation population, int citizen, int state)
    {
        int layer = population.LayerOf(population.StateOf(citizen), state);
        return layer < 0 ? double.NaN : population.TrustIn(layer)[citizen];
    }
}
