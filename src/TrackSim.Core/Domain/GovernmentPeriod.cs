namespace TrackSim.Core.Domain;

/// <summary>
/// A government of a state from a date until the next one begins. The values it leaves out are
/// the state's parameters (<c>transfer.receptivity</c>, <c>posture.hawkishness</c>,
/// <c>posture.public_sensitivity</c>); contacts are allowed unless it bans them.
/// </summary>
/// <param name="From">The day it takes office.</param>
/// <param name="Leader">The leader's name, for the event log.</param>
/// <param name="Receptivity">Receptivity to Track II input in [0,1], or null for the parameter's value.</param>
/// <param name="Hawkishness">Leadership hawkishness in [0,1], or null for the parameter's value.</param>
/// <param name="PublicSensitivity">Sensitivity to public opinion in [0,1], or null for the parameter's value.</param>
/// <param name="Contacts">Whether its nationals may meet the other side in Track II.</param>
public sealed record GovernmentPeriod(
    DateOnly From,
    string Leader,
    double? Receptivity,
    double? Hawkishness,
    double? PublicSensitivity,
    ContactPolicy Contacts);
