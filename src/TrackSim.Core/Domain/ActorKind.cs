namespace TrackSim.Core.Domain;

/// <summary>What kind of actor a party to the conflict is: a state with citizens, or a non-state party without.</summary>
public enum ActorKind
{
    /// <summary>A state: a government and a public of citizens.</summary>
    State,

    /// <summary>An armed group (the FARC, RENAMO): a leadership that negotiates and fights, with no citizens of its own in the model.</summary>
    ArmedGroup,

    /// <summary>A political movement or party outside government: a leadership with no citizens of its own in the model.</summary>
    PoliticalMovement,
}
