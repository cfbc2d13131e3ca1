using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>A state during a run.</summary>
internal sealed class StateRuntime(StateSpec spec)
{
    public string Id { get; } = spec.Id;

    /// <summary>The state as the scenario describes it.</summary>
    public StateSpec Spec { get; } = spec;

    /// <summary>
    /// Index in <see cref="StateSpec.Governments"/> of the government period in force, or -1
    /// before the first (set by ST-GOVERNMENT).
    /// </summary>
    public int Government { get; set; } = -1;

    /// <summary>
    /// Leadership hawkishness in force: set by ST-GOVERNMENT from <c>posture.hawkishness</c> at
    /// the start and from each government period as it begins; an event's hawkishness effect
    /// changes it until the next period begins.
    /// </summary>
    public double Hawkishness { get; set; }

    /// <summary>The government's receptivity to Track II input in force (ST-GOVERNMENT; read by T2-TRANSFER).</summary>
    public double Receptivity { get; set; }

    /// <summary>The government's sensitivity to public opinion in force (ST-GOVERNMENT; read by ST-AUDIENCE).</summary>
    public double PublicSensitivity { get; set; }

    /// <summary>
    /// Whether a law bans contacts with the other side: set by ST-GOVERNMENT from the period in
    /// force, changed by an event's contacts effect until the next period begins. While banned,
    /// the state's nationals stay away from Track II meetings and its government receives no
    /// recommendation, text or working trust from Track II.
    /// </summary>
    public bool ContactsBanned { get; set; }

    /// <summary>Domestic audience pressure on the state's posture this step (posture per year), its mean over the actors it relates to; set by ST-AUDIENCE.</summary>
    public double AudiencePressure { get; set; }

    /// <summary>Mean citizen trust in the other states.</summary>
    public double PublicTrust { get; set; }

    public double Polarization { get; set; }

    public double HostileShare { get; set; }
}
