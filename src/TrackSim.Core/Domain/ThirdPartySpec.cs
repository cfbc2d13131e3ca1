using System.Collections.Immutable;

namespace TrackSim.Core.Domain;

/// <summary>
/// A third party to a conflict: a foreign ministry, a foundation, a co-chair group or a
/// convening institute that hosts, funds or guarantees without being a side. It has no citizens
/// and no relations of its own; the sides' trust in it is what makes it useful.
/// </summary>
/// <param name="Id">Unique id among states and third parties.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">What it does: facilitators and mediators carry texts when they host.</param>
/// <param name="Trust">How far each side's government and participants trust it at the start, in [0,1], by state id; a side not listed trusts it <see cref="DefaultTrust"/>.</param>
public sealed record ThirdPartySpec(
    string Id,
    string Name,
    ThirdPartyKind Kind,
    ImmutableSortedDictionary<string, double> Trust)
{
    /// <summary>The trust of a side the scenario does not list: neither trusted nor distrusted.</summary>
    public const double DefaultTrust = 0.5;

    /// <summary>Whether, as a host, it carries texts between the sides (a facilitator or a mediator).</summary>
    public bool CarriesTexts => Kind is ThirdPartyKind.Facilitator or ThirdPartyKind.Mediator;

    /// <summary>The initial trust of the side with the given id in it.</summary>
    public double TrustOf(string side) => Trust.GetValueOrDefault(side, DefaultTrust);
}
