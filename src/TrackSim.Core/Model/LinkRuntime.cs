using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>A functional link during a run.</summary>
internal sealed class LinkRuntime(string id, Sector sector, double strength, double threshold, DateOnly? activeFrom)
{
    public string Id { get; } = id;

    public Sector Sector { get; } = sector;

    public double Strength { get; set; } = strength;

    public double Threshold { get; } = threshold;

    /// <summary>The link exists from this date (null: from the start).</summary>
    public DateOnly? ActiveFrom { get; } = activeFrom;

    /// <summary>Suspended by the model because tension passed the threshold.</summary>
    public bool SuspendedByTension { get; set; }

    /// <summary>Suspended by a scenario event until an event resumes it.</summary>
    public bool SuspendedByEvent { get; set; }

    /// <summary>Whether the link exists on <paramref name="date"/>.</summary>
    public bool Exists(DateOnly date) => ActiveFrom is not { } from || from <= date;

    /// <summary>Whether the link exists and is not suspended.</summary>
    public bool IsActive(DateOnly date) => Exists(date) && !SuspendedByTension && !SuspendedByEvent;
}
