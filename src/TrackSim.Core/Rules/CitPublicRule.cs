using TrackSim.Core.Citizens;
using TrackSim.Core.Metrics;
using TrackSim.Core.Model;

namespace TrackSim.Core.Rules;

/// <summary>
/// CIT-PUBLIC: each state's public opinion, summarised from its citizens after the citizen rules.
/// <para>
/// Trust is directed: for each actor a state relates to, its public's trust toward it is the
/// mean of its citizens' trust toward it (recorded as <c>public_trust</c> of the pair
/// <c>US&gt;CN</c> where the state relates to more than one actor); the state's public trust,
/// polarization and hostile share are the means over those actors of the mean, the population
/// SD and the share of citizens below 0.25 (the kernel <see cref="CitizenMetrics"/>).
/// ST-AUDIENCE reads them in the same step, T2-TRANSFER in the next. It has no switch: it
/// changes nothing, it measures.
/// </para>
/// </summary>
internal sealed class CitPublicRule() : Rule(
    Id,
    null,
    [],
    Recorded,
    "TrackSim's own specification (no published source).")
{
    public const string Id = "CIT-PUBLIC";

    private static readonly MetricReader[] Recorded =
    [
        new(MetricCatalog.PublicTrust, (world, code) => world.Citizens.ReadPublicTrust(world.States, code)),
        new(MetricCatalog.Polarization, (world, s) => world.States[s].Polarization),
        new(MetricCatalog.HostileShare, (world, s) => world.States[s].HostileShare),
    ];

    /// <summary>The summaries of the initial population, recorded at point 0.</summary>
    public override void Initialize(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.Citizens.Summarize(world.States);
    }

    public override void Apply(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.Citizens.Summarize(world.States);
    }
}
