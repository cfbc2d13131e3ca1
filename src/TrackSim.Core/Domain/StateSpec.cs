namespace TrackSim.Core.Domain;

/// <summary>A state (Track I actor) as the scenario describes it at the start of a run.</summary>
/// <param name="Id">Short upper-case code such as <c>IN</c> or <c>PK</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Hawkishness">Leadership hawkishness in [0,1]: scales domestic audience pressure.</param>
/// <param name="Receptivity">Receptivity of the government to Track II input in [0,1].</param>
/// <param name="PublicSensitivity">Sensitivity of the government to public opinion in [0,1].</param>
/// <param name="Posture">Initial hostile posture toward the other states, at least 0.</param>
/// <param name="Fear">Per-state Richardson fear coefficient (per year); null uses <c>posture.fear</c>.</param>
/// <param name="Restraint">Per-state Richardson restraint coefficient (per year); null uses <c>posture.restraint</c>.</param>
/// <param name="Grievance">Per-state standing grievance (posture per year); null uses <c>posture.grievance</c>.</param>
public sealed record StateSpec(
    string Id,
    string Name,
    double Hawkishness,
    double Receptivity,
    double PublicSensitivity,
    double Posture,
    double? Fear,
    double? Restraint,
    double? Grievance);
