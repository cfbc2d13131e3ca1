using TrackSim.Core.Domain;

namespace TrackSim.Core.Engine;

/// <summary>A state during a run.</summary>
internal sealed class StateRuntime(StateSpec spec, double fear, double restraint, double grievance)
{
    public string Id { get; } = spec.Id;

    public double Hawkishness { get; set; } = spec.Hawkishness;

    public double Receptivity { get; } = spec.Receptivity;

    public double PublicSensitivity { get; } = spec.PublicSensitivity;

    /// <summary>Richardson fear coefficient (per year).</summary>
    public double Fear { get; } = fear;

    /// <summary>Richardson restraint coefficient (per year).</summary>
    public double Restraint { get; } = restraint;

    /// <summary>Standing grievance (posture per year).</summary>
    public double Grievance { get; } = grievance;

    /// <summary>Mean citizen trust in the other states.</summary>
    public double PublicTrust { get; set; }

    public double Polarization { get; set; }

    public double HostileShare { get; set; }
}
