using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>A topic discussed in a Track II initiative.</summary>
/// <param name="Id">Unique id within the initiative.</param>
/// <param name="Name">Display name.</param>
/// <param name="Core">
/// Whether the topic is core to the conflict (Kashmir, terrorism): participants are anchored
/// to their government's position on it by their alignment.
/// </param>
/// <param name="Positions">Each government's official position on the topic in [0,1], by state id.</param>
public sealed record TopicSpec(string Id, string Name, bool Core, ImmutableSortedDictionary<string, double> Positions)
{
    /// <summary>Default official position of the first and last state (in id order) on a core topic.</summary>
    public const double CoreSpread = 0.8;

    /// <summary>Default official position spread on a peripheral topic.</summary>
    public const double PeripheralSpread = 0.4;
}
