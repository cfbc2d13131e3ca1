using TrackSim.Core.Domain;

namespace TrackSim.Core.Model;

/// <summary>A Track II initiative during a run.</summary>
internal sealed class InitiativeRuntime
{
    public InitiativeRuntime(InitiativeSpec spec, int[] stateIndices, DyadRuntime[] dyads, ParticipantRuntime[] participants, DateOnly firstMeeting, int[]? hosts = null, int[]? funders = null)
    {
        Spec = spec;
        Hosts = hosts ?? [];
        Funders = funders ?? [];
        FundedResilience = spec.Resilience;
        Resilience = spec.Resilience;
        States = stateIndices;
        Dyads = dyads;
        Participants = participants;
        NextMeeting = firstMeeting;
        Trust = new double[participants.Length, participants.Length];
        for (int p = 0; p < participants.Length; p++)
        {
            for (int q = 0; q < participants.Length; q++)
            {
                // Cross-side trust starts where T2-MEET's initialisation puts it; trust in a
                // participant of a third party is the side's trust in it (T2-THIRD-TRUST sets it).
                Trust[p, q] = participants[p].State == participants[q].State && !participants[q].OfThirdParty ? 1.0 : 0.0;
            }
        }

        Agreed = new bool[spec.Topics.Length];
        CrossSide = CrossSidePartners(participants);
        Present = [.. participants.Select(_ => true)];
        Sides = participants.Where(p => !p.OfThirdParty).Select(p => p.State).Distinct().Count();
    }

    /// <summary>Indices of the third parties that host it in <c>World.ThirdParties</c>.</summary>
    public int[] Hosts { get; }

    /// <summary>Indices of the third parties that fund it in <c>World.ThirdParties</c>.</summary>
    public int[] Funders { get; }

    /// <summary>
    /// A resilience <paramref name="resilience"/> raised by <paramref name="funders"/> funders,
    /// each closing the share <paramref name="share"/> of the gap to a meeting that is always held:
    /// 1 − (1 − r)(1 − φ)^n (T2-THIRD-FUNDING and T2-FUNDING; with both, the gaps multiply).
    /// </summary>
    public static double Funded(double resilience, double share, int funders) =>
        funders == 0 ? resilience : 1 - ((1 - resilience) * Math.Pow(1 - share, funders));

    /// <summary>The scenario's resilience raised by the third parties that fund the initiative (set by T2-THIRD-FUNDING at the start; the base of T2-FUNDING).</summary>
    public double FundedResilience { get; set; }

    /// <summary>Factor on the trust a meeting builds across the sides, from the sides' trust in the hosts (T2-THIRD-HOST; 1 without hosts).</summary>
    public double ContactFactor { get; set; } = 1;

    /// <summary>Factor on the convergence of positions at a meeting, from a host that carries texts (T2-THIRD-HOST; 1 without one).</summary>
    public double TextFactor { get; set; } = 1;

    /// <summary>The day the meeting of the current step fell due, or null when none did (set by T2-MEET, read by T2-THIRD-FUNDING).</summary>
    public DateOnly? DueThisStep { get; set; }

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

    /// <summary>
    /// For each participant p, the participants q of the other sides in ascending order: the
    /// pairs whose trust moves. Participants of third parties are on no side: they have no
    /// cross-side partners and are no one's. Participants do not change sides, so the rules that walk the
    /// cross-side pairs at every step read them here rather than comparing states pair by pair.
    /// </summary>
    public int[][] CrossSide { get; }

    /// <summary>Number of states with participants in the initiative (whether or not they take part at a given date); third parties are not counted.</summary>
    public int Sides { get; }

    /// <summary>
    /// Which participants attend the meeting of this step: members on the day it is due whose
    /// state allows contacts (set by T2-MEET when a meeting falls due, read by T2-TRANSFER;
    /// everyone until the first).
    /// </summary>
    public bool[] Present { get; }

    /// <summary>Whether the sides agree on each topic after the last meeting.</summary>
    public bool[] Agreed { get; }

    /// <summary>Whether a meeting was held in the current step (set by T2-MEET, read by T2-TRANSFER).</summary>
    public bool MetThisStep { get; set; }

    /// <summary>Whether T2-COOPT anchors participants on core topics in this step.</summary>
    public bool Anchored { get; set; }

    /// <summary>Not stopped by an event.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether the publics know nothing of it yet: set by T2-SECRECY at the start, cleared when it is exposed.</summary>
    public bool Secret { get; set; }

    /// <summary>The id of the first event of the step that exposed it while it was secret (set by EVENT, read and cleared by T2-SECRECY), or null.</summary>
    public string? ExposedBy { get; set; }

    public DateOnly NextMeeting { get; set; }

    /// <summary>
    /// Chance that a due meeting is held despite high tension or a suspended dialogue: the
    /// scenario's <c>resilience</c>, raised by third-party funders (<see cref="FundedResilience"/>)
    /// and then by the funders taking part (T2-FUNDING; read by T2-MEET).
    /// </summary>
    public double Resilience { get; set; }

    /// <summary>How many times more often than its schedule the initiative meets, at least 1 (set by T2-FUNDING, read by T2-MEET).</summary>
    public double MeetingPace { get; set; } = 1;

    /// <summary>Extra weight, in [0,1), of an agreed text the initiative's academics and mediators drafted in the governments' stock of texts (set by T2-RESEARCH, read by T2-TRANSFER).</summary>
    public double Drafting { get; set; }

    public int MeetingsHeld { get; set; }

    public int RecommendationsAdopted { get; set; }

    /// <summary>Whether the initiative can meet on <paramref name="date"/>.</summary>
    public bool IsRunning(DateOnly date) =>
        Enabled && date >= Spec.Start && (Spec.End is not { } end || date <= end);

    /// <summary>Mean cross-side interpersonal trust among the participants who are members on <paramref name="date"/> (0 when there is no such pair).</summary>
    public double CrossSideTrust(DateOnly date)
    {
        var trust = Trust;
        double sum = 0;
        int pairs = 0;
        for (int p = 0; p < CrossSide.Length; p++)
        {
            if (!Participants[p].IsMember(date))
            {
                continue;
            }

            foreach (int q in CrossSide[p])
            {
                if (Participants[q].IsMember(date))
                {
                    sum += trust[p, q];
                    pairs++;
                }
            }
        }

        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>
    /// Mean trust t̄ of participant p in the participants of the other sides who are members on
    /// <paramref name="date"/>. False when the initiative has participants of other sides but
    /// none is a member that day: p has no counterpart to speak of or vouch for. With no other
    /// side at all, t̄ is 0.
    /// </summary>
    public bool TryCrossSideTrustOf(int p, DateOnly date, out double mean)
    {
        var partners = CrossSide[p];
        var trust = Trust;
        double sum = 0;
        int count = 0;
        foreach (int q in partners)
        {
            if (Participants[q].IsMember(date))
            {
                sum += trust[p, q];
                count++;
            }
        }

        mean = count == 0 ? 0 : sum / count;
        return count > 0 || partners.Length == 0;
    }

    private static int[][] CrossSidePartners(ParticipantRuntime[] participants)
    {
        var partners = new int[participants.Length][];
        for (int p = 0; p < participants.Length; p++)
        {
            var others = new List<int>();
            for (int q = 0; q < participants.Length; q++)
            {
                if (participants[p].State != participants[q].State && !participants[p].OfThirdParty && !participants[q].OfThirdParty)
                {
                    others.Add(q);
                }
            }

            partners[p] = [.. others];
        }

        return partners;
    }
}
