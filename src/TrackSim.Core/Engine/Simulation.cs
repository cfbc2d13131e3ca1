using TrackSim.Core.Domain;
using TrackSim.Core.Metrics;
using TrackSim.Core.Randomness;
using TrackSim.Core.Recording;
using TrackSim.Core.Rules;

namespace TrackSim.Core.Engine;

/// <summary>
/// One run of a scenario (one variant, one replicate): steps the world on the scenario's
/// calendar and records every metric at step 0 and after every step. It can be driven one step
/// at a time, with events injected between steps.
/// </summary>
public sealed class Simulation
{
    private readonly World _world;
    private readonly CitizenLayer _citizens;
    private readonly Dictionary<int, List<EventSpec>> _starting = [];
    private readonly List<(int First, int Last, EventSpec Event)> _spans = [];
    private readonly List<EventSpec> _injected = [];
    private readonly SeriesKey[] _keys;
    private readonly Func<double>[] _measures;
    private readonly double[][] _values;
    private readonly double[,] _postureScratch;

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
        var streams = new StreamFactory(seed ?? scenario.Ensemble.Seed);
        _world = new World(scenario, replicate, streams);
        _citizens = new CitizenLayer(_world, citizenThreads, networks);
        _postureScratch = new double[_world.States.Length, _world.States.Length];
        foreach (var e in scenario.Events)
        {
            Schedule(e);
        }

        var series = Series().ToArray();
        _keys = [.. series.Select(x => x.Key)];
        _measures = [.. series.Select(x => x.Measure)];
        _values = [.. _keys.Select(_ => new double[scenario.Calendar.StepCount + 1])];
        _citizens.Summarize(_world);
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
        foreach (string actor in scenarioEvent.Actors)
        {
            if (_world.StateIndex(actor) < 0)
            {
                throw new ArgumentException($"The event names no state of the scenario: '{actor}'.", nameof(scenarioEvent));
            }
        }

        _injected.Add(scenarioEvent);
    }

    /// <summary>Runs one step: events, incidents, Track II, outreach, citizens, states, record.</summary>
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

        // 1. Events dated in this step, and later steps of multi-step events.
        if (_starting.TryGetValue(k, out var starting))
        {
            foreach (var e in starting)
            {
                EventRule.Start(_world, e);
            }
        }

        foreach (var (first, last, e) in _spans)
        {
            if (k > first && k <= last)
            {
                EventRule.Continue(_world, e);
            }
        }

        foreach (var e in _injected)
        {
            EventRule.Start(_world, e);
        }

        _injected.Clear();

        // 2. Incidents; 3-4. Track II meetings and transfer; 5. outreach.
        IncidentRule.Apply(_world);
        MeetingRule.Apply(_world);
        OutreachRule.Compute(_world);

        // 6. Citizens.
        _citizens.Step(_world);

        // 7. States: posture, tension, official trust, dialogue, functional links.
        PostureRule.Apply(_world, _postureScratch);
        TensionRule.Apply(_world);
        OfficialTrustRule.Apply(_world);
        DialogueRule.Apply(_world);
        FunctionalRule.Apply(_world);

        // 8. Record.
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
            [.. _world.Log]);
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

    private void Schedule(EventSpec e)
    {
        var calendar = Scenario.Calendar;
        int first = calendar.StepOf(e.Date);
        int last = e.End is { } end ? Math.Min(calendar.StepOf(end), calendar.StepCount - 1) : first;
        if (first < 0 || first >= calendar.StepCount)
        {
            return;
        }

        if (!_starting.TryGetValue(first, out var list))
        {
            _starting[first] = list = [];
        }

        list.Add(e);
        if (last > first)
        {
            _spans.Add((first, last, e));
        }
    }

    /// <summary>
    /// Every recorded series with the reader of its value, resolved once here so that recording
    /// a step reads fields rather than looking subjects up by name.
    /// </summary>
    private IEnumerable<(SeriesKey Key, Func<double> Measure)> Series()
    {
        foreach (var metric in MetricCatalog.All)
        {
            switch (metric.Level)
            {
                case MetricLevel.Dyad:
                    foreach (var dyad in _world.Dyads)
                    {
                        yield return (new SeriesKey(metric.Name, dyad.Subject), DyadMeasure(metric.Name, dyad));
                    }

                    break;
                case MetricLevel.State:
                    for (int s = 0; s < _world.States.Length; s++)
                    {
                        yield return (new SeriesKey(metric.Name, _world.States[s].Id), StateMeasure(metric.Name, s));
                    }

                    break;
                default:
                    foreach (var initiative in _world.Initiatives)
                    {
                        yield return (new SeriesKey(metric.Name, initiative.Spec.Id), InitiativeMeasure(metric.Name, initiative));
                    }

                    break;
            }
        }
    }

    private Func<double> DyadMeasure(string metric, DyadRuntime dyad) => metric switch
    {
        "tension" => () => dyad.Tension,
        "official_trust" => () => dyad.OfficialTrust,
        "dialogue_open" => () => dyad.DialogueOpen ? 1 : 0,
        "incidents" => () => dyad.IncidentsThisStep,
        "cbm_stock" => () => dyad.CbmStock,
        "functional_links_active" => () => dyad.ActiveLinkCount(_world.Date),
        _ => throw new InvalidOperationException($"No dyad metric '{metric}'."),
    };

    private Func<double> StateMeasure(string metric, int s)
    {
        var state = _world.States[s];
        return metric switch
        {
            "public_trust" => () => state.PublicTrust,
            "polarization" => () => state.Polarization,
            "hostile_share" => () => state.HostileShare,
            "posture" => () => PostureRule.MeanPosture(_world, s),
            _ => throw new InvalidOperationException($"No state metric '{metric}'."),
        };
    }

    private static Func<double> InitiativeMeasure(string metric, InitiativeRuntime initiative) => metric switch
    {
        "track2_trust" => initiative.CrossSideTrust,
        "track2_agreement" => () => MeetingRule.AgreementShare(initiative),
        "meetings_held" => () => initiative.MeetingsHeld,
        "recommendations_adopted" => () => initiative.RecommendationsAdopted,
        _ => throw new InvalidOperationException($"No initiative metric '{metric}'."),
    };

    private void Record(int point)
    {
        for (int i = 0; i < _measures.Length; i++)
        {
            _values[i][point] = _measures[i]();
        }
    }
}
