namespace TrackSim.Core.Engine;

/// <summary>One Track II participant during a run.</summary>
internal sealed class ParticipantRuntime(int state, double alignment, double access, double reach, bool sharedLanguage, int topicCount)
{
    /// <summary>Index of the participant's state.</summary>
    public int State { get; } = state;

    /// <summary>Alignment with the own government on core topics (after the alignment scale).</summary>
    public double Alignment { get; } = alignment;

    public double Access { get; } = access;

    public double Reach { get; } = reach;

    public bool SharedLanguage { get; } = sharedLanguage;

    /// <summary>Position on each topic of the initiative.</summary>
    public double[] Positions { get; } = new double[topicCount];

    /// <summary>Scratch positions for the synchronous update of a meeting.</summary>
    public double[] NextPositions { get; } = new double[topicCount];
}
