using System.Collections.Immutable;

namespace TrackSim.Core.Recording;

/// <summary>The distribution of one public's trust toward another actor at one recorded point of a run.</summary>
/// <param name="Step">The recorded point (0 is the initial state, k the state after k steps).</param>
/// <param name="Date">First day of the point.</param>
/// <param name="Subject">The state whose citizens hold the trust (<c>IN</c>), or the directed pair where the state relates to several actors (<c>US&gt;CN</c>), as <c>public_trust</c> names it.</param>
/// <param name="Counts">Citizens in each equal bin of [0,1], lowest first; the last bin holds trust 1.</param>
/// <param name="Clusters">Opinion clusters (see <see cref="Distributions.Clusters"/>).</param>
public sealed record DistributionSnapshot(int Step, DateOnly Date, string Subject, ImmutableArray<int> Counts, int Clusters)
{
    /// <summary>The citizens counted: the state's public.</summary>
    public int Population => Counts.Sum();

    /// <summary>The share of the public in bin <paramref name="bin"/>.</summary>
    public double Share(int bin) => (double)Counts[bin] / Population;
}
