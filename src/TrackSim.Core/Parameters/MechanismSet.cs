using System.Collections.Immutable;

namespace TrackSim.Core.Parameters;

/// <summary>Which mechanisms are switched off; every mechanism is on unless named here.</summary>
/// <param name="Off">Names of the mechanisms switched off.</param>
public sealed record MechanismSet(ImmutableSortedSet<string> Off)
{
    /// <summary>Every mechanism on.</summary>
    public static MechanismSet AllOn { get; } = new(ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    /// <summary>Whether the mechanism is on.</summary>
    public bool IsOn(Mechanism mechanism)
    {
        ArgumentNullException.ThrowIfNull(mechanism);
        return !Off.Contains(mechanism.Name);
    }

    /// <summary>Whether the mechanism with the given name is on; an unknown name is an error, never "on".</summary>
    public bool IsOn(string name) => IsOn(Known(name));

    /// <summary>A copy with the mechanism switched on or off.</summary>
    public MechanismSet With(string name, bool on)
    {
        Known(name);
        return new MechanismSet(on ? Off.Remove(name) : Off.Add(name));
    }

    /// <inheritdoc />
    public bool Equals(MechanismSet? other) => other is not null && Off.SetEquals(other.Off);

    /// <inheritdoc />
    public override int GetHashCode() => Off.Count;

    private static Mechanism Known(string name) =>
        Mechanism.Find(name) ?? throw new ArgumentException($"Unknown mechanism '{name}'; the mechanisms are {string.Join(", ", Mechanism.All.Select(m => m.Name))}.", nameof(name));
}
