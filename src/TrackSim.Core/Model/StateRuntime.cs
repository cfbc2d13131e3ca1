using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>A state during a run.</summary>
internal sealed class StateRuntime(StateSpec spec)
{
    public string Id { get; } = spec.Id;

    /// <summary>The state as the scenario describes it.</summary>
    public StateSpec Spec { get; } = spec;

    /// <summary>Leadership hawkishness: set from <c>posture.hawkishness</c> by ST-AUDIENCE at the start, changed by events.</summary>
    public double Hawkishness { get; set; }

    /// <summary>Domestic audience pressure on the state's posture this step (posture per year), set by ST-AUDIENCE.</summary>
    public double AudiencePressure { get; set; }

    /// <summary>Mean citizen trust in the other states.</summary>
    public double PublicTrust { get; set; }

    public double Polarization { get; set; }

    public double HostileShare { get; set; }
}
