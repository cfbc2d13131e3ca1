using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;
using TrackSim.Core.Rules;

namespace TrackSim.Core.Engine;

/// <summary>
/// One run of a scenario (one variant, one replicate): steps the world on the scenario's
/// calendar through the rules of <see cref="ModelRules.Step"/>, in order, and records every
/// metric at step 0 and after every step. It can be driven one step at a time, with events
/// injected between steps.
/// </summary>
public sealed class Simulation
{
    /// <summary>The reader of every metric, from the rule that records it.</summary>
    private static readonly Dictionary<MetricDefinition, MetricReader> Readers = ModelRules.Step
        .SelectMany(rule => rule.Metrics)
        .ToDictionary(reader => reader.Metric);

    private readonly World _world;
    private readonly SeriesKey[] _keys;
    private readonly Func<World, int, double>[] _measures;
    private readonly int[] _subjects;
    private readonly double[][] _values;
    private readonly DistributionRecorder? _distributions;
    private readonly NetworkRecorder? _networks;

    /// <summary>Creates the run; <paramref name="scenario"/> is the scenario of one variant (see <see cref="Scenario.ForVariant"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="replicate">Replicate index, at least 0.</param>
    /// <param name="seed">Master seed; null uses the scenario's.</param>
    /// <param name="citizenThreads">Threads for the citizen layer: 0 lets it choose, 1 keeps it on the calling thread.</param>
    public Simulation(Scenario scenario, int replicate, ulong? seed = null, int citizenThreads = 0)
        : this(scenario, replicate, seed, citizenThreads, networks: null)
    {
    }

    /// <summary>Creates a run of an ensemble, whose citizens' network may be shared with the other variants of its replicate.</summary>
    /// <param name="scenario">The scenario of one variant.</param>
    /// <param name="replicate">Replicate index, at least 0.</param>
    /// <param name="seed">Master seed; null uses the scenario's.</param>
    /// <param name="citizenThreads">Threads for the citizen layer.</param>
    /// <param name="networks">Networks shared between the ensemble's runs; null builds the run's own.</param>
    internal Simulation(Scenario scenario, int replicate, ulong? seed, int citizenThreads, NetworkCache? networks)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        ArgumentOutOfRangeException.ThrowIfNegative(citizenThreads);
        Scenario = scenario;
        Replicate = replicate;
        _world = CreateWorld(scenario, replicate, new StreamFactory(seed ?? scenario.Ensemble.Seed), citizenThreads, networks);
        var series = Series().ToArray();
        _keys = [.. series.Select(x => x.Key)];
        _measures = [.. series.Select(x => x.Read)];
        _subjects = [.. series.Select(x => x.Subject)];
        _values = [.. _keys.Select(_ => new double[scenario.Calendar.StepCount + 1])];

        // Distributions and networks only read the world, so recording them changes no other output.
        var outputs = scenario.Outputs;
        _distributions = outputs.Distributions.IsOn ? new DistributionRecorder(_world, outputs.Distributions) : null;
        _networks = outputs.Networks.At is { IsEmpty: true } ? null : new NetworkRecorder(_world, outputs.Networks);
        Record(0);
    }

    /// <summary>The scenario being run.</summary>
    public Scenario Scenario { get; }

    /// <summary>The replicate index.</summary>
    public int Replicate { get; }

    /// <summary>The run's world, for tests that look inside a step.</summary>
    internal World World => _world;

    /// <summary>Steps done so far.</summary>
    public int StepsDone { get; private set; }

    /// <summary>Whether every step of the calendar is done.</summary>
    public bool IsFinished => StepsDone >= Scenario.Calendar.StepCount;

    /// <summary>First day of the next step to run.</summary>
    public DateOnly Date => Scenario.Calendar.DateOf(StepsDone);

    /// <summary>Adds an event that applies in the next step, whatever its date (a live crisis in a classroom).</summary>
    public void Inject(EventSpec scenarioEvent)
    {
        ArgumentNullException.ThrowIfNull(scenarioEvent);
        var effects = scenarioEvent.Effects;
        var named = scenarioEvent.Actors
            .Concat(effects.Hawkishness.Keys)
            .Concat(effects.Contacts.Keys)
            .Concat(effects.Participants.Select(c => c.State).OfType<string>());
        foreach (string state in named)
        {
            // An event may name third parties among its actors.
            if (_world.StateIndex(state) < 0 && !(scenarioEvent.Actors.Contains(state) && _world.ThirdPartyIndex(state) >= 0))
            {
                throw new ArgumentException($"The event names no state of the scenario: '{state}'.", nameof(scenarioEvent));
            }
        }

        _world.Events.Injected.Add(scenarioEvent);
    }

    /// <summary>
    /// Builds the world of a run and lets every rule set the state variables it owns from its
    /// parameters (initial postures, Track II trust, the public-opinion summaries).
    /// </summary>
    internal static World CreateWorld(Scenario scenario, int replicate, StreamFactory streams, int citizenThreads = 1, NetworkCache? networks = null)
    {
        var stateIds = scenario.States.Select(s => s.Id).ToArray();
        var parameters = new ModelParameters(scenario.Parameters, stateIds);
        double[] exposure = [.. Enumerable.Range(0, stateIds.Length).Select(s => parameters.Of(CitMediaRule.Exposure, s))];
        var world = new World(scenario, replicate, streams, parameters, exposure, citizenThreads, networks);
        foreach (var rule in ModelRules.Step)
        {
            rule.Initialize(world);
        }

        return world;
    }

    /// <summary>Runs one step: every rule of <see cref="ModelRules.Step"/> in order, then the record.</summary>
    public void Step()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException("The run has reached the end of its calendar.");
        }

        var calendar = Scenario.Calendar;
        int k = StepsDone;
        _world.Step = k;
        _world.Date = calendar.DateOf(k);
        _world.StepEnd = calendar.DateOf(k + 1).AddDays(-1);
        Array.Clear(_world.MediaDelta);

        foreach (var stage in ModelRules.Stages)
        {
            if (stage[0] is not InitiativeRule)
            {
                stage[0].Apply(_world);
                continue;
            }

            // A run of initiative rules goes initiative by initiative (see InitiativeRule).
            foreach (var initiative in _world.Initiatives)
            {
                foreach (var rule in stage)
                {
                    ((InitiativeRule)rule).Apply(_world, initiative);
                }
            }
        }

        // 8. Record.
        _networks?.Observe(_world);
        StepsDone++;
        Record(StepsDone);
    }

    /// <summary>Runs every remaining step and returns the result.</summary>
    public RunResult Run(CancellationToken cancellationToken = default)
    {
        while (!IsFinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Step();
        }

        return Result();
    }

    /// <summary>What has been recorded so far (the points up to <see cref="StepsDone"/>).</summary>
    public RunResult Result()
    {
        int points = StepsDone + 1;
        var calendar = Scenario.Calendar;
        return new RunResult(
            Scenario.Variant,
            Replicate,
            [.. Enumerable.Range(0, points).Select(calendar.DateOf)],
            [.. _keys.Select((key, i) => new RecordedSeries(key, [.. _values[i].AsSpan(0, points)]))],
            [.. _world.Log])
        {
            Distributions = _distributions?.Records ?? [],
            Networks = _networks?.Snapshots ?? [],
        };
    }

    /// <summary>The latest recorded value of a metric.</summary>
    public double Current(string metric, string subject)
    {
        int index = Array.IndexOf(_keys, new SeriesKey(metric, subject));
        if (index < 0)
        {
            throw new KeyNotFoundException($"No series {metric} for {subject}.");
        }

        return _values[index][StepsDone];
    }

    /// <summary>
    /// Every recorded series with the reader of its value and the index of its subject, resolved
    /// once here so that recording a step reads fields rather than looking subjects up by name.
    /// </summary>
    private IEnumerable<(SeriesKey Key, Func<World, int, double> Read, int Subject)> Series()
    {
        foreach (var metric in MetricCatalog.All)
        {
            var read = Readers.TryGetValue(metric, out var reader) ? reader.Read : throw new InvalidOperationException($"No rule records the metric {metric.Name}.");
            switch (metric.Level)
            {
                case MetricLevel.Dyad:
                    for (int d = 0; d < _world.Dyads.Length; d++)
                    {
                        yield return (new SeriesKey(metric.Name, _world.Dyads[d].Subject), read, d);
                    }

                    break;
                case MetricLevel.State:
                    for (int s = 0; s < _world.States.Length; s++)
                    {
                        yield return (new SeriesKey(metric.Name, _world.States[s].Id), read, s);
                    }

                    break;
                case MetricLevel.Public:
                case MetricLevel.PublicPair:
                    // A state's own subject reads index s; a directed pair US>CN reads
                    // CitizenLayer.PairCode(s, t), which the readers of these metrics decode.
                    foreach (string subject in MetricSubjects.Of(metric, Scenario))
                    {
                        int toward = subject.IndexOf(CitizenSpec.Toward, StringComparison.Ordinal);
                        int code = toward < 0
                            ? _world.StateIndex(subject)
                            : _world.Citizens.PairCode(_world.StateIndex(subject[..toward]), _world.StateIndex(subject[(toward + 1)..]));
                        yield return (new SeriesKey(metric.Name, subject), read, code);
                    }

                    break;
                case MetricLevel.ThirdParty:
                    int index = 0;
                    foreach (string subject in _world.Scenario.ThirdPartySubjects)
                    {
                        yield return (new SeriesKey(metric.Name, subject), read, index++);
                    }

                    break;
                default:
                    for (int i = 0; i < _world.Initiatives.Length; i++)
                    {
                        yield return (new SeriesKey(metric.Name, _world.Initiatives[i].Spec.Id), read, i);
                    }

                    break;
            }
        }
    }

    private void Record(int point)
    {
        for (int i = 0; i < _measures.Length; i++)
        {
            _values[i][point] = _measures[i](_world, _subjects[i]);
        }

        _distributions?.Record(_world, point);
        _networks?.Record(_world, point);
    }
}
