namespace TrackSim.Core.Model;

/// <summary>One Track II participant during a run.</summary>
/// <param name="state">Index of the participant's state.</param>
/// <param name="alignment">Alignment with the own government, as the scenario gives it.</param>
/// <param name="access">Access to the own government.</param>
/// <param name="reach">Share of the public audience reached.</param>
/// <param name="sharedLanguage">Whether the participant speaks the language shared across the border.</param>
/// <param name="governmentPositions">The own government's position on each topic of the initiative, where the participant starts.</param>
internal sealed class ParticipantRuntime(int state, double alignment, double access, double reach, bool sharedLanguage, double[] governmentPositions)
{
    /// <summary>Index of the participant's state.</summary>
    public int State { get; } = state;

    /// <summary>Alignment with the own government on core topics, as the scenario gives it.</summary>
    public double Alignment { get; } = alignment;

    /// <summary>Weight of the own government's position on core topics after a meeting, set by T2-COOPT (0 while it is off).</summary>
    public double Stubbornness { get; set; }

    public double Access { get; } = access;

    public double Reach { get; } = reach;

    public bool SharedLanguage { get; } = sharedLanguage;

    /// <summary>
    /// The own government's position on each topic, which anchors the participant on core topics.
    /// Fixed for the run, so meetings read it here rather than looking it up by state id.
    /// </summary>
    public double[] GovernmentPositions { get; } = governmentPositions;

    /// <summary>Position on each topic of the initiative; it starts at the government's.</summary>
    public double[] Positions { get; } = [.. governmentPositions];

    /// <summary>Scratch positions for the synchronous update of a meeting.</summary>
    public double[] NextPositions { get; } = new double[governmentPositions.Length];
}
