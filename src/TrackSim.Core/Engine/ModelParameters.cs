using TrackSim.Core.Parameters;

namespace TrackSim.Core.Engine;

/// <summary>
/// The resolved parameters of a run, read once from the <see cref="ParameterSet"/> into fields
/// so the step reads numbers, not dictionary keys. Defaults and ranges live in
/// <see cref="ParameterCatalog"/> only.
/// </summary>
internal sealed class ModelParameters(ParameterSet p)
{
    public double Fear { get; } = p["posture.fear"];
    public double Restraint { get; } = p["posture.restraint"];
    public double Grievance { get; } = p["posture.grievance"];
    public double EventGrievance { get; } = p["posture.event_grievance"];
    public double GrievanceHalfLife { get; } = p["posture.grievance_half_life"];
    public double AudiencePressure { get; } = p["posture.audience_pressure"];
    public double CbmRestraint { get; } = p["posture.cbm_restraint"];
    public double InterdependenceRestraint { get; } = p["posture.interdependence_restraint"];
    public double DialogueRestraint { get; } = p["posture.dialogue_restraint"];
    public double PostureMax { get; } = p["posture.max"];

    public double PostureScale { get; } = p["tension.posture_scale"];
    public double IncidentWeight { get; } = p["tension.incident_weight"];
    public double IncidentHalfLife { get; } = p["tension.incident_half_life"];

    public double IncidentBaseRate { get; } = p["incidents.base_rate"];
    public double IncidentTensionRate { get; } = p["incidents.tension_rate"];
    public double IncidentExponent { get; } = p["incidents.tension_exponent"];
    public double IncidentGrievance { get; } = p["incidents.grievance"];

    public double DialogueGain { get; } = p["trust.dialogue_gain"];
    public double TrustDecay { get; } = p["trust.decay"];
    public double TrustBaseline { get; } = p["trust.baseline"];
    public double CrisisLoss { get; } = p["trust.crisis_loss"];
    public double CooperationGain { get; } = p["trust.cooperation_gain"];
    public double Track2TrustGain { get; } = p["trust.track2_gain"];

    public double SuspendSeverity { get; } = p["dialogue.suspend_severity"];
    public double ResumeTension { get; } = p["dialogue.resume_tension"];
    public double ResumeDelay { get; } = p["dialogue.resume_delay"];
    public double PreparationEffect { get; } = p["dialogue.preparation_effect"];
    public double PreparationPerMeeting { get; } = p["dialogue.preparation_per_meeting"];

    public double InfluenceRate { get; } = p["influence.rate"];
    public double InfluenceConvergence { get; } = p["influence.convergence"];
    public double OpinionNoise { get; } = p["influence.noise"];

    public double MediaEffect { get; } = p["media.effect"];
    public double NegativityBias { get; } = p["media.negativity_bias"];
    public double MediaExposure { get; } = p["media.exposure"];
    public double MediaHalfLife { get; } = p["media.half_life"];

    public double ContactRate { get; } = p["contact.rate"];
    public double ContactEffect { get; } = p["contact.effect"];
    public double NegativeContactShare { get; } = p["contact.negative_share"];
    public double EqualStatus { get; } = p["contact.equal_status"];
    public double CommonGoals { get; } = p["contact.common_goals"];
    public double Cooperation { get; } = p["contact.cooperation"];
    public double InstitutionalSupport { get; } = p["contact.institutional_support"];

    public double OutreachEffect { get; } = p["outreach.effect"];

    public double MeetingTensionSensitivity { get; } = p["track2.tension_sensitivity"];
    public double MeetingSuspensionPenalty { get; } = p["track2.suspension_penalty"];
    public double ParticipantInitialTrust { get; } = p["track2.initial_trust"];
    public double ContactGain { get; } = p["track2.contact_gain"];
    public double ParticipantTrustDecay { get; } = p["track2.trust_decay"];
    public double PositionConvergence { get; } = p["track2.convergence"];
    public double PositionBound { get; } = p["track2.position_bound"];
    public double AgreementDistance { get; } = p["track2.agreement_distance"];
    public double AlignmentScale { get; } = p["track2.alignment_scale"];
    public double AnchorStrength { get; } = p["track2.anchor_strength"];

    public double TransferBase { get; } = p["transfer.base"];
    public double TransferTensionPenalty { get; } = p["transfer.tension_penalty"];
    public double TransferHostilityPenalty { get; } = p["transfer.hostility_penalty"];
    public double CbmPerAdoption { get; } = p["transfer.cbm_per_adoption"];
    public double CbmHalfLife { get; } = p["transfer.cbm_half_life"];

    public double LinkGrowth { get; } = p["functional.growth"];
    public double Spillover { get; } = p["functional.spillover"];
    public double SpilloverThreshold { get; } = p["functional.spillover_threshold"];
    public double SpilloverStrength { get; } = p["functional.spillover_strength"];
    public double LinkResumeMargin { get; } = p["functional.resume_margin"];

    /// <summary>The factor by which a quantity with the given half-life decays over <paramref name="years"/>.</summary>
    public static double Decay(double halfLifeYears, double years) => Math.Pow(0.5, years / halfLifeYears);
}
