using TrackSim.Core.Domain;

namespace TrackSim.Core.Engine;

/// <summary>A Track II initiative during a run.</summary>
internal sealed class InitiativeRuntime
{
    public InitiativeRuntime(InitiativeSpec spec, int[] stateIndices, DyadRuntime[] dyads, ParticipantRuntime[] participants, double initialTrust, DateOnly firstMeeting)
    {
        Spec = spec;
        States = stateIndices;
        Dyads = dyads;
        Participants = participants;
        NextMeeting = firstMeeting;
        Trust = new double[participants.Length, participants.Length];
        for (int p = 0; p < participants.Length; p++)
        {
            for (int q = 0; q < participants.Length; q++)
            {
                Trust[p, q] = participants[p].State == participants[q].State ? 1.0 : initialTrust;
            }
        }

        Agreed = new bool[spec.Topics.Length];
    }

    public InitiativeSpec Spec { get; }

    /// <summary>Indices of the states taking part.</summary>
    public int[] States { get; }

    /// <summary>
    /// The dyads among the initiative's states, in the world's order. Neither the dyads nor the
    /// states change during a run, so they are found once here rather than at every meeting.
    /// </summary>
    public DyadRuntime[] Dyads { get; }

    public ParticipantRuntime[] Participants { get; }

    /// <summary>Interpersonal trust of participant p in participant q (1 within a side).</summary>
    public double[,] Trust { get; }

    /// <summary>Whether the sides agree on each topic after the last meeting.</summary>
    public bool[] Agreed { get; }

    /// <summary>Not stopped by an event.</summary>
    public bool Enabled { get; set; } = true;

    public DateOnly NextMeeting { get; set; }

    public int MeetingsHeld { get; set; }

    public int RecommendationsAdopted { get; set; }

    /// <summary>Whether the initiative can meet on <paramref name="date"/>.</summary>
    public bool IsRunning(DateOnly date) =>
        Enabled && date >= Spec.Start && (Spec.End is not { } end || date <= end);

    /// <summary>Mean cross-side interpersonal trust (0 when there is no cross-side pair).</summary>
    public double CrossSideTrust()
    {
        double sum = 0;
        int count = 0;
        for (int p = 0; p < Participants.Length; p++)
        {
            for (int q = 0; q < Participants.Length; q++)
            {
                if (Participants[p].State != Participants[q].State)
                {
                    sum += Trust[p, q];
                    count++;
                }
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>Mean cross-side trust of participant p.</summary>
    public double CrossSideTrustOf(int p)
    {
        double sum = 0;
        int count = 0;
        for (int q = 0; q < Participants.Length; q++)
        {
            if (Participants[p].State != Participants[q].State)
            {
                sum += Trust[p, q];
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }
}
