using System.Collections.Immutable;

namespace TrackSim.Core.Parameters;

/// <summary>Which mechanisms are switched off; every mechanism is on unless named here.</summary>
/// <param name="Off">Names of the mechanisms switched off.</param>
public sealed record MechanismSet(ImmutableSortedSet<string> Off)
{
    /// <summary>Every mechanism on.</summary>
    public static MechanismSet AllOn { get; } = new(ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal));

    /// <summary>Whether the mechanism with the given name is on.</summary>
    public bool IsOn(string name) => !Off.Contains(name);

    /// <summary>A copy with the mechanism switched on or off.</summary>
    public MechanismSet With(string name, bool on)
    {
        if (Mechanism.Find(name) is null)
        {
            throw new ArgumentException($"Unknown mechanism '{name}'.", nameof(name));
        }

        return new MechanismSet(on ? Off.Remove(name) : Off.Add(name));
    }

    /// <inheritdoc />
    public bool Equals(MechanismSet? other) => other is not null && Off.SetEquals(other.Off);

    /// <inheritdoc />
    public override int GetHashCode() => Off.Count;
}
