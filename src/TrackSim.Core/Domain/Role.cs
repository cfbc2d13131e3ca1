namespace TrackSim.Core.Domain;

/// <summary>
/// A participant's role in a Track II initiative, with the track it belongs to and typical
/// alignment, access and public reach used when a scenario does not set them.
/// </summary>
/// <param name="Id">snake_case id used in scenarios.</param>
/// <param name="Track">The multi-track diplomacy track of the role.</param>
/// <param name="Alignment">Typical alignment with the own government on core issues, in [0,1].</param>
/// <param name="Access">Typical access to officials, in [0,1].</param>
/// <param name="Reach">Typical public reach (share of the public that hears the participant), in [0,1].</param>
/// <param name="Description">One line for the docs.</param>
public sealed record Role(string Id, Track Track, double Alignment, double Access, double Reach, string Description)
{
    /// <summary>Every role a scenario can name, covering all nine tracks.</summary>
    public static IReadOnlyList<Role> All { get; } =
    [
        new("official", Track.Government, 0.9, 0.9, 0.05, "serving official taking part in a personal capacity (Track 1.5)"),
        new("former_diplomat", Track.ConflictResolution, 0.7, 0.6, 0.05, "retired diplomat or foreign-service officer"),
        new("former_military", Track.ConflictResolution, 0.8, 0.6, 0.05, "retired military or intelligence officer"),
        new("mediator", Track.ConflictResolution, 0.3, 0.3, 0.02, "professional facilitator or conflict-resolution practitioner"),
        new("business", Track.Business, 0.4, 0.4, 0.05, "business leader or chamber of commerce"),
        new("private_citizen", Track.PrivateCitizen, 0.3, 0.1, 0.02, "private citizen in exchanges and people-to-people programmes"),
        new("youth", Track.PrivateCitizen, 0.2, 0.05, 0.05, "student or young professional"),
        new("academic", Track.Research, 0.4, 0.3, 0.05, "academic or think-tank researcher"),
        new("activist", Track.Activism, 0.2, 0.1, 0.1, "peace or human-rights activist"),
        new("ngo_worker", Track.Activism, 0.3, 0.2, 0.05, "NGO worker"),
        new("religious_leader", Track.Religion, 0.4, 0.2, 0.15, "religious leader"),
        new("funder", Track.Funding, 0.3, 0.3, 0.01, "foundation or donor representative"),
        new("journalist", Track.Media, 0.4, 0.2, 0.3, "journalist, editor or broadcaster"),
    ];

    /// <summary>The role with the given id, or null.</summary>
    public static Role? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
