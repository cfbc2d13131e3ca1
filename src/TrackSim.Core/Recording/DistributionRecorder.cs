using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Rules;

namespace TrackSim.Core.Recording;

/// <summary>
/// Records the distribution of every public's trust at the points <see cref="DistributionOutput"/>
/// chooses: for each state with citizens and each actor it holds trust toward, the histogram and
/// the cluster count under the state's confidence bound. It only reads the world.
/// </summary>
internal sealed class DistributionRecorder
{
    private readonly DistributionOutput _output;
    private readonly int _steps;
    private readonly (string Subject, int State, int Layer)[] _subjects;
    private readonly List<DistributionSnapshot> _records = [];

    /// <param name="world">The run's world.</param>
    /// <param name="output">What to record; it records something (<see cref="DistributionOutput.IsOn"/>).</param>
    public DistributionRecorder(World world, DistributionOutput output)
    {
        _output = output;
        _steps = world.Calendar.StepCount;
        var population = world.Citizens.Population;
        var subjects = new List<(string, int, int)>();
        for (int s = 0; s < population.StateCount; s++)
        {
            var targets = population.TargetsOf(s);
            string id = world.States[s].Id;
            for (int k = 0; k < targets.Length; k++)
            {
                // Named as public_trust names its subjects: the state alone when it relates to one actor.
                subjects.Add((targets.Length == 1 ? id : CitizenSpec.PairKey(id, world.States[targets[k]].Id), s, k));
            }
        }

        _subjects = [.. subjects];
    }

    /// <summary>Records recorded point <paramref name="point"/> when the output asks for it.</summary>
    public void Record(World world, int point)
    {
        if (!_output.Records(point, _steps))
        {
            return;
        }

        var population = world.Citizens.Population;
        var date = world.Calendar.DateOf(point);
        foreach (var (subject, state, layer) in _subjects)
        {
            var trust = population.TrustIn(layer).AsSpan(population.StateRange(state));
            int[] counts = new int[_output.Bins];
            Distributions.Histogram(trust, counts);
            int clusters = Distributions.Clusters(trust, world.P.Of(CitInfluenceRule.ConfidenceBound, state));
            _records.Add(new DistributionSnapshot(point, date, subject, [.. counts], clusters));
        }
    }

    /// <summary>Everything recorded so far, in point order and then subject order.</summary>
    public ImmutableArray<DistributionSnapshot> Records => [.. _records];
}
