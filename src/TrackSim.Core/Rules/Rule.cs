using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// A rule of the model: one rule id of the model description, in one file named after it. The
/// file declares the id (a constant <c>Id</c>), the mechanism switch that turns it off (a static
/// <c>Switch</c>, or none), its parameters (static fields: key, default, range, unit, meaning),
/// the metrics it records and how to read them, and its citation, all passed to this base in the
/// class declaration, then its <see cref="Apply"/>.
/// </summary>
/// <remarks>
/// A rule reads and changes the world state only. It may read another rule's declarations (a
/// switch that gates a side effect, a parameter both use, the id under which a change is
/// logged) but never calls another rule: quantities that pass from one rule to a later one live
/// in the world state. The engine runs the rules in the order of <c>ModelRules.Step</c>.
/// </remarks>
/// <param name="ruleId">The stable rule id, as in the model description.</param>
/// <param name="mechanism">The mechanism that switches the rule off, or null when it always runs.</param>
/// <param name="parameters">The parameters the rule declares, in documentation order.</param>
/// <param name="metrics">The metrics the rule records, with how each is read from the world.</param>
/// <param name="citation">The work the rule's equations come from.</param>
internal abstract class Rule(string ruleId, Mechanism? mechanism, IReadOnlyList<ParameterDefinition> parameters, IReadOnlyList<MetricReader> metrics, string citation)
{
    /// <summary>The stable rule id, as in the model description (<c>ST-POSTURE</c>).</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The mechanism that switches the rule off, or null when it always runs.</summary>
    public Mechanism? Mechanism { get; } = mechanism;

    /// <summary>The parameters the rule declares, in documentation order.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; } = parameters;

    /// <summary>The metrics the rule records, with how each is read from the world.</summary>
    public IReadOnlyList<MetricReader> Metrics { get; } = metrics;

    /// <summary>The work the rule's equations come from, or that it has none.</summary>
    public string Citation { get; } = citation;

    /// <summary>Sets the state variables the rule owns at the start of a run, from its parameters (most rules have none).</summary>
    public virtual void Initialize(World world)
    {
    }

    /// <summary>Applies the rule to the world for the current step.</summary>
    public abstract void Apply(World world);
}
