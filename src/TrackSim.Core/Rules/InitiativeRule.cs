using TrackSim.Core.Model;
using TrackSim.Core.Parameters;

namespace TrackSim.Core.Rules;

/// <summary>
/// A rule that acts on one Track II initiative at a time. Where several such rules follow each
/// other in the step, the engine runs all of them for the first initiative, then for the next,
/// so that what one initiative's meeting leads to (an adopted recommendation that resumes the
/// dialogue) is there when the next initiative's meeting chance is computed.
/// </summary>
/// <param name="ruleId">The stable rule id.</param>
/// <param name="mechanism">The mechanism that switches the rule off, or null.</param>
/// <param name="parameters">The parameters the rule declares.</param>
/// <param name="metrics">The metrics the rule records.</param>
/// <param name="citation">The work the rule's equations come from.</param>
internal abstract class InitiativeRule(string ruleId, Mechanism? mechanism, IReadOnlyList<ParameterDefinition> parameters, IReadOnlyList<MetricReader> metrics, string citation)
    : Rule(ruleId, mechanism, parameters, metrics, citation)
{
    /// <summary>Applies the rule to one initiative.</summary>
    public abstract void Apply(World world, InitiativeRuntime initiative);

    /// <summary>Applies the rule to every initiative in file order.</summary>
    public sealed override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        foreach (var initiative in world.Initiatives)
        {
            Apply(world, initiative);
        }
    }
}
