using System.Collections.Immutable;
using TrackSim.Core.Domain;
using TrackSim.Core.Model;
using TrackSim.Core.Recording;
using TrackSim.Experiments.Ensembles;

namespace TrackSim.Experiments.Calibration;

/// <summary>
/// A scenario and its targets as ABC sees them: each proposal's model parameters make a scenario
/// (through <see cref="ScenarioAt"/>), its observation parameters an <see cref="ObservationModel"/>;
/// the scenario's base is run for <see cref="Replicates"/> replicates and the distance is the mean
/// over them of <see cref="TargetEvaluator.Distance"/>.
/// </summary>
public sealed class ScenarioCalibration
{
    private readonly int[] _model;
    private readonly int[] _observation;

    /// <summary>
    /// The networks of the calibration's seed, kept across particles with common random numbers
    /// (every particle's replicate r then draws the same network); null without them, when no two
    /// particles share a seed.
    /// </summary>
    private readonly NetworkCache? _networks;

    /// <summary>Creates the problem.</summary>
    /// <param name="priors">The calibrated parameters: scenario paths (handed to <paramref name="scenarioAt"/> in this order) and observation parameters (<see cref="ObservationModel.Prefix"/>).</param>
    /// <param name="targets">The targets, already checked against the scenario.</param>
    /// <param name="scenarioAt">The scenario with the model parameters set to the values given, in the order of their priors.</param>
    /// <param name="replicates">Runs per proposal, at least 1.</param>
    /// <param name="commonRandomNumbers">Whether every proposal runs with the same seed (the calibration's) instead of its own.</param>
    /// <param name="seed">The calibration's seed (used for every proposal with common random numbers).</param>
    public ScenarioCalibration(
        IReadOnlyList<UniformPrior> priors,
        IReadOnlyList<CalibrationTarget> targets,
        Func<ImmutableArray<double>, Scenario> scenarioAt,
        int replicates,
        bool commonRandomNumbers,
        ulong seed)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(scenarioAt);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (targets.Count == 0)
        {
            throw new ArgumentException("At least one target is needed.", nameof(targets));
        }

        Priors = [.. priors];
        Targets = [.. targets];
        ScenarioAt = scenarioAt;
        Replicates = replicates;
        CommonRandomNumbers = commonRandomNumbers;
        Seed = seed;
        _networks = commonRandomNumbers ? new NetworkCache(NetworkCache.SharedKeepBytes) : null;
        _model = [.. Enumerable.Range(0, Priors.Length).Where(k => !ObservationModel.IsObservation(Priors[k].Name))];
        _observation = [.. Enumerable.Range(0, Priors.Length).Where(k => ObservationModel.IsObservation(Priors[k].Name))];
        foreach (int k in _observation)
        {
            _ = ObservationModel.Default.With(Priors[k].Name, 0.5);
        }
    }

    /// <summary>The calibrated parameters.</summary>
    public ImmutableArray<UniformPrior> Priors { get; }

    /// <summary>The targets.</summary>
    public ImmutableArray<CalibrationTarget> Targets { get; }

    /// <summary>Makes the scenario of a proposal's model parameters.</summary>
    public Func<ImmutableArray<double>, Scenario> ScenarioAt { get; }

    /// <summary>Runs per proposal.</summary>
    public int Replicates { get; }

    /// <summary>Whether every proposal runs with the calibration's seed.</summary>
    public bool CommonRandomNumbers { get; }

    /// <summary>The calibration's seed.</summary>
    public ulong Seed { get; }

    /// <summary>The networks kept across particles (for tests); null without common random numbers.</summary>
    internal NetworkCache? Networks => _networks;

    /// <summary>The simulator ABC-SMC calls.</summary>
    public AbcSimulator Simulator => (parameters, seed) =>
    {
        var (runs, observation) = Run(parameters, CommonRandomNumbers ? Seed : seed, Replicates, threads: 1);
        return runs.Average(r => TargetEvaluator.Distance(TargetEvaluator.Evaluate(Targets, r, observation)));
    };

    /// <summary>The model parameters of a full parameter vector, in the order of their priors.</summary>
    public ImmutableArray<double> ModelValues(IReadOnlyList<double> parameters) => [.. _model.Select(k => parameters[k])];

    /// <summary>The observation model of a full parameter vector (the defaults for the cuts not calibrated).</summary>
    public ObservationModel Observation(IReadOnlyList<double> parameters)
    {
        var observation = ObservationModel.Default;
        foreach (int k in _observation)
        {
            observation = observation.With(Priors[k].Name, parameters[k]);
        }

        return observation;
    }

    /// <summary>Runs the base of the scenario at <paramref name="parameters"/> for <paramref name="replicates"/> replicates of <paramref name="seed"/>.</summary>
    public (ImmutableArray<RunResult> Runs, ObservationModel Observation) Run(IReadOnlyList<double> parameters, ulong seed, int replicates, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var scenario = ScenarioAt(ModelValues(parameters));
        var options = new EnsembleOptions { Replicates = replicates, Seed = seed, Threads = threads, Variants = [Scenario.BaseVariant], Snapshots = false, Networks = _networks };
        var ensemble = Ensemble.Run(scenario, options, null, cancellationToken);
        return ([.. ensemble.Runs.OrderBy(r => r.Replicate)], Observation(parameters));
    }
}
